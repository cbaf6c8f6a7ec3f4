using System.Text;
using WeLink.Wechat.Messages;

namespace WeLink.Wechat.Tests.Messages;

public sealed class FlatXmlReaderTests
{
    private const string WeComEnvelope =
        "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

    public static TheoryData<string> FlatDocuments => new()
    {
        WeComEnvelope,
        "<xml>\n  <AppId><![CDATA[wx134c8103faa5a59e]]></AppId>\n  <Encrypt><![CDATA[abcd]]></Encrypt>\n</xml>\n",
        "<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[abcd]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>",
        "<xml><ToUserName>gh_1</ToUserName><Encrypt>  ab+/cd==\t</Encrypt><AgentID></AgentID><AgentID>2</AgentID></xml>",
        "<xml><Encrypt><![CDATA[ a>b ]]></Encrypt><Foo_1><![CDATA[x]]]></Foo_1></xml>",
        "  <root></root>",
    };

    public static TheoryData<string> OtherDocuments => new()
    {
        """<?xml version="1.0"?><xml><Encrypt>a</Encrypt></xml>""",
        """<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Encrypt>&e;</Encrypt></xml>""",
        "<xml><Encrypt>a&amp;b</Encrypt></xml>",
        "<xml><!-- c --><Encrypt>a</Encrypt></xml>",
        """<xml><Encrypt x="1">a</Encrypt></xml>""",
        "<xml><Encrypt/></xml>",
        "<xml><Encrypt><Inner>a</Inner></Encrypt></xml>",
        "<xml><Encrypt>a<![CDATA[b]]></Encrypt></xml>",
        "<xml><Encrypt>a\r\nb</Encrypt></xml>",
        "<xml><Content>你好</Content></xml>",
        "<xml><w:Encrypt>a</w:Encrypt></xml>",
        "<xml><Encrypt >a</Encrypt></xml>",
        "<xml>text<Encrypt>a</Encrypt></xml>",
        "<xml><Encrypt>a]b</Encrypt></xml>",
        "<xml><Encrypt>abc</Encrypt>",
        "<xml><Encrypt>abc</encrypt></xml>",
        "<xml></xml><xml></xml>",
        "<xml></xml>x",
        "not xml",
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(FlatDocuments))]
    public void A_flat_ascii_document_is_read_into_the_tree_the_full_reader_builds(string xml)
    {
        var fast = FlatXmlReader.TryRead(xml);

        Assert.NotNull(fast);
        Assert.Equal(Render(PayloadReader.ReadXmlWithXmlReader(xml)), Render(fast));
    }

    [Theory]
    [MemberData(nameof(OtherDocuments))]
    public void Anything_outside_the_flat_ascii_shape_is_left_to_the_full_reader(string xml)
    {
        Assert.Null(FlatXmlReader.TryRead(xml));
    }

    [Fact]
    public void Whatever_mutation_of_an_envelope_the_fast_path_takes_the_full_reader_reads_the_same()
    {
        // Mutations with the characters that matter to XML: every document the fast path accepts must
        // be one the full reader accepts, with the same tree; the rest are left to the full reader.
        const string alphabet = "<>/![]&;=\"' \t\r\nxAé-:?";
        var random = new Random(20261205);
        var taken = 0;
        var left = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var xml = new StringBuilder("<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt>ab+/c=</Encrypt><AgentID><![CDATA[218]]></AgentID></xml>");
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(xml.Length);
                var c = alphabet[random.Next(alphabet.Length)];
                switch (random.Next(3))
                {
                    case 0:
                        xml.Insert(at, c);
                        break;
                    case 1:
                        xml[at] = c;
                        break;
                    default:
                        xml.Remove(at, 1);
                        break;
                }
            }

            var document = xml.ToString();
            var fast = FlatXmlReader.TryRead(document);
            if (fast is null)
            {
                left++;
                continue;
            }

            taken++;
            Assert.Equal(Render(PayloadReader.ReadXmlWithXmlReader(document)), Render(fast));
        }

        Assert.InRange(taken, 500, 19_500);
        Assert.InRange(left, 500, 19_500);
    }

    private static string Render(PayloadNode node) =>
        $"{node.Name}={node.Value.Length}:{node.Value}[{string.Join(",", node.Children.Select(Render))}]";
}
