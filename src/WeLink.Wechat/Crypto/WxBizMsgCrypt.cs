using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WeLink.Wechat.Crypto;

/// <summary>
/// The WXBizMsgCrypt scheme shared by WeChat official accounts, open-platform components and WeCom:
/// AES-256-CBC (IV = first 16 key bytes) over <c>random(16) | uint32 BE byte length | message | receiveid</c>,
/// PKCS#7-padded to 32-byte blocks, signed by SHA1 over the ordinally sorted token, timestamp, nonce and
/// ciphertext. Thread-safe; create one per (token, EncodingAESKey) and keep it.
/// </summary>
public sealed class WxBizMsgCrypt
{
    private const int RandomBytes = 16;
    private const int LengthBytes = 4;
    private const int HeaderBytes = RandomBytes + LengthBytes;
    private const int PadBlock = 32;
    private const int AesBlock = 16;
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    // Strict so that bytes that are not UTF-8 (a sign of a forged or damaged ciphertext) are refused
    // instead of silently turning into replacement characters.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _token;
    private readonly AesCbcPool _aes;

    public WxBizMsgCrypt(string token, string encodingAesKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var key = EncodingAesKey.Decode(encodingAesKey);
        _token = token;
        _aes = new AesCbcPool(key, key[..AesBlock]);
    }

    /// <summary>The <c>msg_signature</c> of an Encrypt value: lowercase hex SHA1.</summary>
    public string Sign(string timestamp, string nonce, string encrypt)
    {
        Span<byte> digest = stackalloc byte[Sha1Signature.DigestBytes];
        ComputeSignature(timestamp, nonce, encrypt, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Checks <c>msg_signature</c> in constant time, ignoring hex letter case.</summary>
    public bool VerifySignature(string msgSignature, string timestamp, string nonce, string encrypt)
    {
        Span<byte> digest = stackalloc byte[Sha1Signature.DigestBytes];
        ComputeSignature(timestamp, nonce, encrypt, digest);
        return Sha1Signature.Matches(msgSignature, digest);
    }

    /// <summary>Encrypts with 16 fresh random bytes; returns the base64 Encrypt value.</summary>
    public string Encrypt(string message, string receiveId)
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomPrefix.Fill(random);
        return Encrypt(message, receiveId, random);
    }

    /// <summary>Encrypts with the given 16 random bytes (deterministic; for tests and vectors).</summary>
    public string Encrypt(string message, string receiveId, ReadOnlySpan<byte> random16)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(receiveId);
        if (random16.Length != RandomBytes)
        {
            throw new ArgumentException($"Exactly {RandomBytes} random bytes are required.", nameof(random16));
        }

        var messageBytes = Encoding.UTF8.GetByteCount(message);
        if (messageBytes > MaxMessageBytes)
        {
            throw new ArgumentException($"The message exceeds {MaxMessageBytes} bytes.", nameof(message));
        }

        var contentLength = HeaderBytes + messageBytes + Encoding.UTF8.GetByteCount(receiveId);
        var pad = PadBlock - (contentLength % PadBlock);
        var totalLength = contentLength + pad;

        var rented = ArrayPool<byte>.Shared.Rent(totalLength);
        var buffer = rented.AsSpan(0, totalLength);
        try
        {
            random16.CopyTo(buffer);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[RandomBytes..], (uint)messageBytes);
            var written = HeaderBytes + Encoding.UTF8.GetBytes(message, buffer[HeaderBytes..]);
            written += Encoding.UTF8.GetBytes(receiveId, buffer[written..]);
            buffer[written..].Fill((byte)pad);

            try
            {
                _aes.Encrypt(rented, totalLength);
            }
            catch (CryptographicException ex)
            {
                throw new WxCryptoException(WxCryptoError.EncryptFailed, ex);
            }

            return Convert.ToBase64String(buffer);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Decrypts an Encrypt value and checks that its receiveid is one of <paramref name="acceptedReceiveIds"/>
    /// (which must not be empty: there is no "accept any"). Throws <see cref="WxCryptoException"/> and
    /// yields nothing on any failure. Does not check the signature; see <see cref="VerifyAndDecrypt"/>.
    /// </summary>
    public DecryptedMessage Decrypt(string encrypt, IReadOnlyCollection<string> acceptedReceiveIds)
    {
        ArgumentNullException.ThrowIfNull(encrypt);
        ArgumentNullException.ThrowIfNull(acceptedReceiveIds);
        if (acceptedReceiveIds.Count == 0)
        {
            throw new ArgumentException("At least one accepted receiveid is required.", nameof(acceptedReceiveIds));
        }

        // One rented array: the decoded (then decrypted) bytes first, the ASCII copy of the text after.
        var maxLength = (encrypt.Length / 4 * 3) + 3;
        var rented = ArrayPool<byte>.Shared.Rent(maxLength + encrypt.Length);
        var written = 0;
        try
        {
            if (!TryDecodeBase64(encrypt, rented.AsSpan(maxLength, encrypt.Length), rented.AsSpan(0, maxLength), out written))
            {
                throw new WxCryptoException(WxCryptoError.DecodeBase64Failed);
            }

            if (written == 0 || written % AesBlock != 0)
            {
                throw new WxCryptoException(WxCryptoError.DecryptFailed);
            }

            try
            {
                _aes.Decrypt(rented, written);
            }
            catch (CryptographicException ex)
            {
                throw new WxCryptoException(WxCryptoError.DecryptFailed, ex);
            }

            return Unpack(rented.AsSpan(0, written), acceptedReceiveIds);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, written));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Checks <c>msg_signature</c>, then decrypts (see <see cref="Decrypt"/>).</summary>
    public DecryptedMessage VerifyAndDecrypt(
        string msgSignature, string timestamp, string nonce, string encrypt, IReadOnlyCollection<string> acceptedReceiveIds)
    {
        if (!VerifySignature(msgSignature, timestamp, nonce, encrypt))
        {
            throw new WxCryptoException(WxCryptoError.SignatureMismatch);
        }

        return Decrypt(encrypt, acceptedReceiveIds);
    }

    /// <summary>
    /// The WeCom GET URL check: verifies <c>msg_signature</c> over the (URL-decoded) echostr and returns
    /// the plaintext to answer with.
    /// </summary>
    public string VerifyUrl(
        string msgSignature, string timestamp, string nonce, string echostr, IReadOnlyCollection<string> acceptedReceiveIds) =>
        VerifyAndDecrypt(msgSignature, timestamp, nonce, echostr, acceptedReceiveIds).Message;

    /// <summary>
    /// The encrypted passive-reply body, elements in the order of the official sample.
    /// <paramref name="timestamp"/> must be digits and <paramref name="nonce"/> [A-Za-z0-9].
    /// </summary>
    public string BuildEncryptedReplyXml(string message, string receiveId, string timestamp, string nonce)
    {
        var (encrypt, signature) = EncryptAndSign(message, receiveId, timestamp, nonce);
        return $"<xml>\n<Encrypt><![CDATA[{encrypt}]]></Encrypt>\n<MsgSignature><![CDATA[{signature}]]></MsgSignature>\n<TimeStamp>{timestamp}</TimeStamp>\n<Nonce><![CDATA[{nonce}]]></Nonce>\n</xml>";
    }

    /// <summary>
    /// The JSON form of the encrypted reply; the timestamp is a number. Mini-programs and official
    /// accounts name the fields <c>Encrypt, MsgSignature, TimeStamp, Nonce</c>; WeCom JSON callbacks use
    /// <c>encrypt, msgsignature, timestamp, nonce</c> (<see cref="EncryptedReplyJsonNaming.Lowercase"/>).
    /// </summary>
    public string BuildEncryptedReplyJson(
        string message, string receiveId, string timestamp, string nonce, EncryptedReplyJsonNaming naming = EncryptedReplyJsonNaming.PascalCase)
    {
        // Every value is base64, hex, digits or alphanumerics, so none needs JSON escaping.
        var (encrypt, signature) = EncryptAndSign(message, receiveId, timestamp, nonce);
        return naming == EncryptedReplyJsonNaming.Lowercase
            ? $$"""{"encrypt":"{{encrypt}}","msgsignature":"{{signature}}","timestamp":{{timestamp}},"nonce":"{{nonce}}"}"""
            : $$"""{"Encrypt":"{{encrypt}}","MsgSignature":"{{signature}}","TimeStamp":{{timestamp}},"Nonce":"{{nonce}}"}""";
    }

    private (string Encrypt, string Signature) EncryptAndSign(string message, string receiveId, string timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        if (timestamp.Length == 0 || timestamp.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("The timestamp must be decimal digits.", nameof(timestamp));
        }

        if (!Alphanumeric.IsAll(nonce))
        {
            throw new ArgumentException("The nonce must be [A-Za-z0-9].", nameof(nonce));
        }

        var encrypt = Encrypt(message, receiveId);
        return (encrypt, Sign(timestamp, nonce, encrypt));
    }

    private void ComputeSignature(string timestamp, string nonce, string encrypt, Span<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(encrypt);
        Span<string> parts = [_token, timestamp, nonce, encrypt];
        Sha1Signature.Compute(parts, digest);
    }

    /// <summary>
    /// Decodes with the vectorized UTF-8 base64 decoder (an order of magnitude faster than
    /// <see cref="Convert"/>'s on .NET 10). It is stricter than <see cref="Convert"/>, which also takes
    /// non-zero trailing bits, so whatever it refuses gets <see cref="Convert"/>'s verdict: what is
    /// accepted, and the bytes it decodes to, stay exactly as before.
    /// </summary>
    private static bool TryDecodeBase64(string encrypt, Span<byte> ascii, Span<byte> decoded, out int written)
    {
        if (Ascii.FromUtf16(encrypt, ascii, out var narrowed) == OperationStatus.Done
            && Base64.DecodeFromUtf8(ascii[..narrowed], decoded, out _, out written) == OperationStatus.Done)
        {
            return true;
        }

        return Convert.TryFromBase64String(encrypt, decoded, out written);
    }

    private static DecryptedMessage Unpack(ReadOnlySpan<byte> plain, IReadOnlyCollection<string> acceptedReceiveIds)
    {
        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length || plain[^pad..].ContainsAnyExcept((byte)pad))
        {
            throw new WxCryptoException(WxCryptoError.IllegalBuffer);
        }

        var content = plain[..^pad];
        if (content.Length < HeaderBytes)
        {
            throw new WxCryptoException(WxCryptoError.IllegalBuffer);
        }

        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(content[RandomBytes..]);
        if (messageLength > (uint)(content.Length - HeaderBytes))
        {
            throw new WxCryptoException(WxCryptoError.IllegalBuffer);
        }

        var messageBytes = content.Slice(HeaderBytes, (int)messageLength);
        var receiveId = FindReceiveId(content[(HeaderBytes + (int)messageLength)..], acceptedReceiveIds)
            ?? throw new WxCryptoException(WxCryptoError.ReceiveIdMismatch);
        try
        {
            return new DecryptedMessage(StrictUtf8.GetString(messageBytes), receiveId);
        }
        catch (DecoderFallbackException)
        {
            throw new WxCryptoException(WxCryptoError.IllegalBuffer);
        }
    }

    /// <summary>Returns the accepted id whose UTF-8 bytes equal the tail, reusing the caller's string.</summary>
    private static string? FindReceiveId(ReadOnlySpan<byte> tail, IReadOnlyCollection<string> acceptedReceiveIds)
    {
        Span<byte> encoded = stackalloc byte[256];
        foreach (var candidate in acceptedReceiveIds)
        {
            if (candidate is null || Encoding.UTF8.GetByteCount(candidate) != tail.Length)
            {
                continue;
            }

            var bytes = tail.Length <= encoded.Length ? encoded[..tail.Length] : new byte[tail.Length];
            Encoding.UTF8.GetBytes(candidate, bytes);
            if (bytes.SequenceEqual(tail))
            {
                return candidate;
            }
        }

        return null;
    }
}
