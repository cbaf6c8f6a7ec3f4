namespace WeLink.Wechat.Messages;

/// <summary>The options chosen for one question of a vote or multiple-interaction card.</summary>
public sealed record TemplateCardSelection(string QuestionKey, IReadOnlyList<string> OptionIds);
