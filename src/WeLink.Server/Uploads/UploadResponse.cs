namespace WeLink.Server.Uploads;

/// <param name="Id">The upload's id: what a filing names in <c>photoIds</c>.</param>
/// <param name="Url">Where the uploader reads it back, relative to WeLink's base address.</param>
public sealed record UploadResponse(Guid Id, string Url);
