namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>What GET /cgi-bin/media/get answered: the file's bytes and the content type WeChat gave them.</summary>
public sealed record MediaFile(ReadOnlyMemory<byte> Bytes, string ContentType);
