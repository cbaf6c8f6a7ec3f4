namespace WeLink.Wechat.Crypto;

/// <summary>A decrypted callback: the message text and the receiveid found in the plaintext's tail.</summary>
public sealed record DecryptedMessage(string Message, string ReceiveId);
