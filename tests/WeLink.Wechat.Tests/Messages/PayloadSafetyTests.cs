using WeLink.Wechat.Messages;

namespace WeLink.Wechat.Tests.Messages;

public sealed class PayloadSafetyTests
{
    [Fact]
    public void An_unknown_event_is_kept_with_its_raw_payload()
    {
        const string xml = "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><CreateTime>1715943329</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[debug_demo]]></Event><debug_str><![CDATA[hello world]]></debug_str></xml>";

        var unknown = Assert.IsType<UnknownMessage>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageKind.Unknown, unknown.Kind);
        Assert.Equal("event", unknown.MsgType);
        Assert.Equal("debug_demo", unknown.Event);
        Assert.Equal(xml, unknown.RawPayload);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1715943329), unknown.CreateTime);
        Assert.Equal("event|gh_97417a04a28d|o9AgO5Kd5ggOC-bXrbNODIiE3bGY|1715943329|debug_demo||", unknown.DeduplicationKey);
    }

    [Fact]
    public void An_unknown_message_type_and_instruction_are_kept()
    {
        const string video = "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><CreateTime>1715943329</CreateTime><MsgType><![CDATA[video]]></MsgType><MediaId><![CDATA[media_id]]></MediaId><ThumbMediaId><![CDATA[thumb_id]]></ThumbMediaId><MsgId>1234567890123456</MsgId></xml>";
        const string instruction = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><InfoType><![CDATA[change_app_admin]]></InfoType><TimeStamp>1713428000</TimeStamp><AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId></xml>";

        var unknownVideo = Assert.IsType<UnknownMessage>(CallbackMessageParser.Parse(video));
        var unknownInstruction = Assert.IsType<UnknownMessage>(CallbackMessageParser.Parse(instruction));

        Assert.Equal("video", unknownVideo.MsgType);
        Assert.Equal("msg|gh_97417a04a28d|1234567890123456", unknownVideo.DeduplicationKey);
        Assert.Equal("change_app_admin", unknownInstruction.InfoType);
        Assert.StartsWith("info|change_app_admin|1713428000|", unknownInstruction.DeduplicationKey, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_kind_missing_a_required_field_falls_back_to_unknown()
    {
        const string xml = "<xml><SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1713424427</TimeStamp></xml>";

        var unknown = Assert.IsType<UnknownMessage>(CallbackMessageParser.Parse(xml));

        Assert.Equal("suite_ticket", unknown.InfoType);
        Assert.Equal(xml, unknown.RawPayload);
    }

    [Fact]
    public void A_payload_without_any_identifying_field_is_keyed_by_its_hash()
    {
        var first = CallbackMessageParser.Parse("<xml><Foo>1</Foo></xml>");
        var same = CallbackMessageParser.Parse("<xml><Foo>1</Foo></xml>");
        var other = CallbackMessageParser.Parse("<xml><Foo>2</Foo></xml>");

        Assert.StartsWith("raw|", first.DeduplicationKey, StringComparison.Ordinal);
        Assert.Equal(first.DeduplicationKey, same.DeduplicationKey);
        Assert.NotEqual(first.DeduplicationKey, other.DeduplicationKey);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><Content>&lol3;</Content></xml>""")]
    [InlineData("""<!DOCTYPE xml SYSTEM "http://127.0.0.1:1/evil.dtd"><xml><Content>x</Content></xml>""")]
    [InlineData("""<!DOCTYPE xml [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/x">%remote;]><xml/>""")]
    public void Dtd_and_entity_payloads_are_refused(string xml)
    {
        Assert.Throws<CallbackPayloadException>(() => CallbackMessageParser.Parse(xml));
    }

    [Fact]
    public void Predefined_and_character_references_in_plain_text_values_are_decoded()
    {
        const string xml = "<xml><ToUserName>gh_97417a04a28d</ToUserName><FromUserName>o9AgO5Kd5ggOC-bXrbNODIiE3bGY</FromUserName><CreateTime>1715943329</CreateTime><MsgType>event</MsgType><Event>VIEW</Event><EventKey>https://dealer.example/book?a=1&amp;b=&lt;2&gt;&#x4F60;&#22909;</EventKey></xml>";

        var view = Assert.IsType<MenuViewEvent>(CallbackMessageParser.Parse(xml));

        Assert.Equal("https://dealer.example/book?a=1&b=<2>你好", view.EventKey);
    }

    [Fact]
    public void An_oversized_payload_is_refused()
    {
        var xml = "<xml><Content><![CDATA[" + new string('a', CallbackMessageParser.MaxPayloadChars) + "]]></Content></xml>";

        Assert.Throws<CallbackPayloadException>(() => CallbackMessageParser.Parse(xml));
    }

    [Fact]
    public void A_payload_just_under_the_limit_is_accepted()
    {
        const string head = "<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><MsgId>1</MsgId><Content>";
        const string tail = "</Content></xml>";
        var xml = head + new string('a', CallbackMessageParser.MaxPayloadChars - head.Length - tail.Length) + tail;

        var text = Assert.IsType<TextMessage>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageParser.MaxPayloadChars - head.Length - tail.Length, text.Content.Length);
    }

    [Theory]
    [InlineData("<xml><Content>unclosed</xml>")]
    [InlineData("<xml></xml><xml></xml>")]
    [InlineData("")]
    [InlineData("{\"MsgType\":")]
    [InlineData("[1]")]
    public void A_malformed_payload_is_refused(string payload)
    {
        Assert.Throws<CallbackPayloadException>(() => CallbackMessageParser.Parse(payload));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var xml = string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40));

        Assert.Throws<CallbackPayloadException>(() => CallbackMessageParser.Parse(xml));
    }
}
