using WeLink.Wechat.Crypto;

namespace WeLink.Wechat.Tests.Crypto;

public sealed class CallbackEnvelopeTests
{
    [Fact]
    public void A_wecom_xml_envelope_yields_receiveid_agent_and_encrypt()
    {
        const string body = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQ==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

        var envelope = CallbackEnvelope.ParseXml(body);

        Assert.Equal(new CallbackEnvelope("wx5823bf96d3bd56c7", null, "218", "RypEvHKD8QQ=="), envelope);
    }

    [Fact]
    public void A_component_system_push_carries_appid_instead_of_tousername()
    {
        var envelope = CallbackEnvelope.ParseXml("<xml>\n  <AppId><![CDATA[wx134c8103faa5a59e]]></AppId>\n  <Encrypt><![CDATA[abcd]]></Encrypt>\n</xml>");

        Assert.Equal(new CallbackEnvelope(null, "wx134c8103faa5a59e", null, "abcd"), envelope);
    }

    [Fact]
    public void An_empty_wecom_instruction_agentid_counts_as_absent()
    {
        var envelope = CallbackEnvelope.ParseXml("<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[abcd]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>");

        Assert.Null(envelope.AgentId);
    }

    [Fact]
    public void A_json_envelope_is_read_with_a_numeric_agentid()
    {
        var envelope = CallbackEnvelope.ParseJson("""{"ToUserName":"gh_97417a04a28d","Encrypt":"abcd","AgentID":1000002}""");

        Assert.Equal(new CallbackEnvelope("gh_97417a04a28d", null, "1000002", "abcd"), envelope);
    }

    [Fact]
    public void A_wecom_json_envelope_with_lowercase_names_is_read()
    {
        var envelope = CallbackEnvelope.ParseJson("""{"tousername":"wwcbf2e1e4a4e6b0c5","encrypt":"abcd","agentid":"1000002"}""");

        Assert.Equal(new CallbackEnvelope("wwcbf2e1e4a4e6b0c5", null, "1000002", "abcd"), envelope);
    }

    [Theory]
    [InlineData("<xml><ToUserName>x</ToUserName></xml>")]
    [InlineData("<xml><Encrypt>abc</Encrypt>")]
    [InlineData("""<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Encrypt>&e;</Encrypt></xml>""")]
    [InlineData("not xml")]
    public void A_malformed_or_hostile_xml_envelope_is_a_parse_error(string body)
    {
        var error = Assert.Throws<WxCryptoException>(() => CallbackEnvelope.ParseXml(body));

        Assert.Equal(WxCryptoError.ParseError, error.Error);
        Assert.Equal(-40002, error.Code);
    }

    [Theory]
    [InlineData("""{"ToUserName":"x"}""")]
    [InlineData("[1,2]")]
    [InlineData("{")]
    public void A_malformed_json_envelope_is_a_parse_error(string body)
    {
        var error = Assert.Throws<WxCryptoException>(() => CallbackEnvelope.ParseJson(body));

        Assert.Equal(WxCryptoError.ParseError, error.Error);
    }
}
