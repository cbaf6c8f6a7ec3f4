namespace WeLink.Wechat.Messages;

/// <summary>The one article of a passive news reply.</summary>
public sealed record NewsArticle(string Title, string Description, string PicUrl, string Url);
