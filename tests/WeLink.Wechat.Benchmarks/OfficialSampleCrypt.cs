using System.Collections;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace WeLink.Wechat.Benchmarks;

/// <summary>
/// A straightforward port of the official C# WXBizMsgCrypt sample (WXBizMsgCrypt.cs + Cryptography.cs),
/// kept only as the benchmark baseline. Its shape is the sample's: XmlDocument for the envelope,
/// ArrayList + a char-by-char comparer for the sort, string concatenation, SHA1 over ASCII bytes and
/// BitConverter hex, a CryptoStream into a MemoryStream, and array copies for every field. Two changes
/// only, because the originals no longer compile without warnings on .NET 10: Aes.Create() for the
/// obsolete RijndaelManaged and SHA1.Create() for SHA1CryptoServiceProvider.
/// </summary>
#pragma warning disable CA5350 // SHA1 is the protocol's signature hash.
#pragma warning disable CA5394 // The sample's random prefix comes from System.Random; ported as is.
#pragma warning disable CA1305, CA1307, CA1309, CA1310, CA1308 // Ported verbatim: culture-naive string calls as in the sample.
#pragma warning disable CA1062, CA1822, CA1850, CA1872 // Ported verbatim: no argument checks, ComputeHash and BitConverter hex as in the sample.
public class OfficialSampleCrypt
{
    private readonly string _token;
    private readonly string _encodingAesKey;
    private readonly string _receiveId;

    public OfficialSampleCrypt(string token, string encodingAesKey, string receiveId)
    {
        _token = token;
        _encodingAesKey = encodingAesKey;
        _receiveId = receiveId;
    }

    public int DecryptMsg(string msgSignature, string timeStamp, string nonce, string postData, ref string msg)
    {
        var doc = new XmlDocument();
        XmlNode root;
        string encryptMsg;
        try
        {
            doc.LoadXml(postData);
            root = doc.FirstChild!;
            encryptMsg = root["Encrypt"]!.InnerText;
        }
        catch (XmlException)
        {
            return -40002;
        }

        return DecryptEncrypt(msgSignature, timeStamp, nonce, encryptMsg, ref msg);
    }

    /// <summary>The second half of the sample's DecryptMsg, after the envelope has been parsed.</summary>
    public int DecryptEncrypt(string msgSignature, string timeStamp, string nonce, string encryptMsg, ref string msg)
    {
        var ret = VerifySignature(_token, timeStamp, nonce, encryptMsg, msgSignature);
        if (ret != 0)
        {
            return ret;
        }

        var receiveId = string.Empty;
        try
        {
            msg = AesDecrypt(encryptMsg, _encodingAesKey, ref receiveId);
        }
        catch (FormatException)
        {
            return -40010;
        }
        catch (CryptographicException)
        {
            return -40007;
        }

        return receiveId != _receiveId ? -40005 : 0;
    }

    public int EncryptMsg(string replyMsg, string timeStamp, string nonce, ref string encryptMsg)
    {
        string raw;
        try
        {
            raw = AesEncrypt(replyMsg, _encodingAesKey, _receiveId);
        }
        catch (CryptographicException)
        {
            return -40006;
        }

        var msgSignature = string.Empty;
        var ret = GenerateSignature(_token, timeStamp, nonce, raw, ref msgSignature);
        if (ret != 0)
        {
            return ret;
        }

        encryptMsg = "<xml>";
        encryptMsg += "<Encrypt><![CDATA[" + raw + "]]></Encrypt>";
        encryptMsg += "<MsgSignature><![CDATA[" + msgSignature + "]]></MsgSignature>";
        encryptMsg += "<TimeStamp><![CDATA[" + timeStamp + "]]></TimeStamp>";
        encryptMsg += "<Nonce><![CDATA[" + nonce + "]]></Nonce>";
        encryptMsg += "</xml>";
        return 0;
    }

    private static int VerifySignature(string token, string timeStamp, string nonce, string msgEncrypt, string sigture)
    {
        var hash = string.Empty;
        var ret = GenerateSignature(token, timeStamp, nonce, msgEncrypt, ref hash);
        if (ret != 0)
        {
            return ret;
        }

        return hash == sigture ? 0 : -40001;
    }

    private static int GenerateSignature(string token, string timeStamp, string nonce, string msgEncrypt, ref string msgSignature)
    {
        var al = new ArrayList { token, timeStamp, nonce, msgEncrypt };
        al.Sort(new DictionarySort());
        var raw = string.Empty;
        for (var i = 0; i < al.Count; ++i)
        {
            raw += al[i];
        }

        try
        {
            using var sha = SHA1.Create();
            var enc = new ASCIIEncoding();
            var dataToHash = enc.GetBytes(raw);
            var dataHashed = sha.ComputeHash(dataToHash);
            var hash = BitConverter.ToString(dataHashed).Replace("-", string.Empty);
            msgSignature = hash.ToLower();
        }
        catch (CryptographicException)
        {
            return -40003;
        }

        return 0;
    }

    private static string AesDecrypt(string input, string encodingAesKey, ref string receiveId)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var iv = new byte[16];
        Array.Copy(key, iv, 16);
        var btmpMsg = AesDecrypt(input, iv, key);

        var len = BitConverter.ToInt32(btmpMsg, 16);
        len = IPAddress.NetworkToHostOrder(len);

        var bMsg = new byte[len];
        var bReceiveId = new byte[btmpMsg.Length - 20 - len];
        Array.Copy(btmpMsg, 20, bMsg, 0, len);
        Array.Copy(btmpMsg, 20 + len, bReceiveId, 0, btmpMsg.Length - 20 - len);
        var oriMsg = Encoding.UTF8.GetString(bMsg);
        receiveId = Encoding.UTF8.GetString(bReceiveId);
        return oriMsg;
    }

    private static string AesEncrypt(string input, string encodingAesKey, string receiveId)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var iv = new byte[16];
        Array.Copy(key, iv, 16);
        var randCode = CreateRandCode(16);
        var bRand = Encoding.UTF8.GetBytes(randCode);
        var bReceiveId = Encoding.UTF8.GetBytes(receiveId);
        var btmpMsg = Encoding.UTF8.GetBytes(input);
        var bMsgLen = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(btmpMsg.Length));
        var bMsg = new byte[bRand.Length + bMsgLen.Length + bReceiveId.Length + btmpMsg.Length];

        Array.Copy(bRand, bMsg, bRand.Length);
        Array.Copy(bMsgLen, 0, bMsg, bRand.Length, bMsgLen.Length);
        Array.Copy(btmpMsg, 0, bMsg, bRand.Length + bMsgLen.Length, btmpMsg.Length);
        Array.Copy(bReceiveId, 0, bMsg, bRand.Length + bMsgLen.Length + btmpMsg.Length, bReceiveId.Length);

        return AesEncrypt(iv, key, bMsg);
    }

    private static string CreateRandCode(int codeLen)
    {
        const string codeSerial = "2,3,4,5,6,7,a,c,d,e,f,h,i,j,k,m,n,p,r,s,t,A,C,D,E,F,G,H,J,K,M,N,P,Q,R,S,U,V,W,X,Y,Z";
        if (codeLen == 0)
        {
            codeLen = 16;
        }

        var arr = codeSerial.Split(',');
        var code = string.Empty;
        var rand = new Random(unchecked((int)DateTime.Now.Ticks));
        for (var i = 0; i < codeLen; i++)
        {
            var randValue = rand.Next(0, arr.Length - 1);
            code += arr[randValue];
        }

        return code;
    }

    private static string AesEncrypt(byte[] iv, byte[] key, byte[] input)
    {
        using var aes = Aes.Create();
        aes.KeySize = 256;
        aes.BlockSize = 128;
        aes.Padding = PaddingMode.None;
        aes.Mode = CipherMode.CBC;
        aes.Key = key;
        aes.IV = iv;
        using var transform = aes.CreateEncryptor(aes.Key, aes.IV);
        var msg = new byte[input.Length + 32 - (input.Length % 32)];
        Array.Copy(input, msg, input.Length);
        var pad = Kcs7Encoder(input.Length);
        Array.Copy(pad, 0, msg, input.Length, pad.Length);
        var xBuff = transform.TransformFinalBlock(msg, 0, msg.Length);
        return Convert.ToBase64String(xBuff);
    }

    private static byte[] Kcs7Encoder(int textLength)
    {
        const int blockSize = 32;
        var amountToPad = blockSize - (textLength % blockSize);
        if (amountToPad == 0)
        {
            amountToPad = blockSize;
        }

        var padChr = (char)(byte)(amountToPad & 0xFF);
        var tmp = string.Empty;
        for (var index = 0; index < amountToPad; index++)
        {
            tmp += padChr;
        }

        return Encoding.UTF8.GetBytes(tmp);
    }

    private static byte[] AesDecrypt(string input, byte[] iv, byte[] key)
    {
        using var aes = Aes.Create();
        aes.KeySize = 256;
        aes.BlockSize = 128;
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None;
        aes.Key = key;
        aes.IV = iv;
        using var decrypt = aes.CreateDecryptor(aes.Key, aes.IV);
        byte[] xBuff;
        using (var ms = new MemoryStream())
        {
            using (var cs = new CryptoStream(ms, decrypt, CryptoStreamMode.Write))
            {
                var xXml = Convert.FromBase64String(input);
                var msg = new byte[xXml.Length + 32 - (xXml.Length % 32)];
                Array.Copy(xXml, msg, xXml.Length);
                cs.Write(xXml, 0, xXml.Length);
            }

            xBuff = Decode2(ms.ToArray());
        }

        return xBuff;
    }

    private static byte[] Decode2(byte[] decrypted)
    {
        int pad = decrypted[^1];
        if (pad < 1 || pad > 32)
        {
            pad = 0;
        }

        var res = new byte[decrypted.Length - pad];
        Array.Copy(decrypted, 0, res, 0, decrypted.Length - pad);
        return res;
    }

    private sealed class DictionarySort : IComparer
    {
        public int Compare(object? x, object? y)
        {
            var left = (string)x!;
            var right = (string)y!;
            var index = 0;
            while (index < left.Length && index < right.Length)
            {
                if (left[index] < right[index])
                {
                    return -1;
                }

                if (left[index] > right[index])
                {
                    return 1;
                }

                index++;
            }

            return left.Length - right.Length;
        }
    }
}
#pragma warning restore CA1062, CA1822, CA1850, CA1872
#pragma warning restore CA1305, CA1307, CA1309, CA1310, CA1308
#pragma warning restore CA5394
#pragma warning restore CA5350
