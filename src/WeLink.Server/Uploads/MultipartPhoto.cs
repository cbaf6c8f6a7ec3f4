using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace WeLink.Server.Uploads;

/// <summary>What reading the <c>file</c> field of a multipart request gave.</summary>
public enum PhotoRead
{
    Taken,
    NotMultipart,
    NoFile,
    Empty,
    TooLarge,
}

/// <summary>
/// Reads the one file field <c>file</c> of a <c>multipart/form-data</c> body (what <c>wx.uploadFile({ name: 'file' })</c>
/// sends), streaming it and stopping at the first byte past the limit rather than reading everything first. Other fields
/// are skipped. A body past the request's size limit makes the server throw (413) while this reads.
/// </summary>
public static class MultipartPhoto
{
    public const string Field = "file";

    public static async Task<(PhotoRead Outcome, byte[] Content)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (PhotoRead.NotMultipart, []);
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(Field, StringComparison.Ordinal))
            {
                return await ReadCappedAsync(section.Body, maxBytes, cancellationToken);
            }
        }

        return (PhotoRead.NoFile, []);
    }

    private static async Task<(PhotoRead, byte[])> ReadCappedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                return (PhotoRead.TooLarge, []);
            }

            content.Write(chunk, 0, read);
        }

        return content.Length == 0 ? (PhotoRead.Empty, []) : (PhotoRead.Taken, content.ToArray());
    }
}
