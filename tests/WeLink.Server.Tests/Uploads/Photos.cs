using System.Net.Http.Headers;

namespace WeLink.Server.Tests.Uploads;

/// <summary>Photo bytes and the multipart body <c>wx.uploadFile({ name: 'file' })</c> sends them in.</summary>
internal static class Photos
{
    public const int FiveMegabytes = 5 * 1024 * 1024;

    public static byte[] Jpeg(int length = 2048) => WithHead([0xFF, 0xD8, 0xFF, 0xE0], length);

    public static byte[] Png(int length = 2048) => WithHead([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], length);

    public static byte[] Webp(int length = 2048) => WithHead([.. "RIFF"u8, 0x24, 0x08, 0x00, 0x00, .. "WEBPVP8 "u8], length);

    /// <summary>A page with a script: what an attacker would upload under a photo's name to have it served as HTML.</summary>
    public static byte[] HtmlPage() => "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    public static MultipartFormDataContent Form(byte[] content, string fileName = "IMG_0001.jpg", string contentType = "image/jpeg", string field = "file")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static byte[] WithHead(byte[] head, int length)
    {
        var bytes = new byte[Math.Max(length, head.Length)];
        new Random(length).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
