namespace WeLink.Server.Callbacks;

/// <summary>What a callback URL answers: the text to send (<c>success</c>, or a URL check's echostr), or a refusal.</summary>
public readonly record struct CallbackAnswer(string? Text, CallbackRefusal? Refusal)
{
    public static CallbackAnswer Reply(string text) => new(text, null);

    public static CallbackAnswer Refused(CallbackRefusal refusal) => new(null, refusal);
}
