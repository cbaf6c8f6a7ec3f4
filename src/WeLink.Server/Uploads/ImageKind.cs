namespace WeLink.Server.Uploads;

/// <summary>
/// The photo formats taken, recognised by their first bytes (never by the file name or the type the client claims, both
/// of which a caller chooses): what is served back is then always an image type a browser will not run as a page.
/// </summary>
public static class ImageKind
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] Webp = "WEBP"u8.ToArray();

    /// <summary>The content type of <paramref name="content"/>; null when it is none of JPEG, PNG and WebP.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        if (content.StartsWith(Png))
        {
            return "image/png";
        }

        return content.Length >= 12 && content.StartsWith(Riff) && content[8..12].SequenceEqual(Webp) ? "image/webp" : null;
    }
}
