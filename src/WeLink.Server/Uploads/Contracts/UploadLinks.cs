namespace WeLink.Server.Uploads.Contracts;

/// <summary>
/// Where a photo is read, relative to WeLink's base address: the consumer's route serves the uploader only, the staff's
/// route staff of the case's dealer only. The staff app is served by WeLink (same origin); the mini program prefixes
/// its WeLink base URL.
/// </summary>
public static class UploadLinks
{
    public static string ForConsumer(Guid id) => $"/api/consumer/uploads/{id}";

    public static string ForStaff(Guid id) => $"/api/staff/uploads/{id}";
}
