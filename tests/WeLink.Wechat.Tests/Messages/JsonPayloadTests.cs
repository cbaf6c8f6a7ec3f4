using WeLink.Wechat.Messages;

namespace WeLink.Wechat.Tests.Messages;

public sealed class JsonPayloadTests
{
    [Fact]
    public void A_json_text_message_is_parsed_like_its_xml_form()
    {
        const string json = """{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"text","Content":" 你好 ","MsgId":23637352235060880}""";
        const string xml = "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>23637352235060880</MsgId></xml>";

        var fromJson = Assert.IsType<TextMessage>(CallbackMessageParser.Parse(json));
        var fromXml = Assert.IsType<TextMessage>(CallbackMessageParser.Parse(xml));

        Assert.Equal("你好", fromJson.Content);
        Assert.Equal(json, fromJson.RawPayload);
        Assert.Equal(fromXml with { RawPayload = json }, fromJson);
    }

    [Fact]
    public void A_json_template_card_event_reads_arrays_as_repeated_elements()
    {
        const string json = """
            {"ToUserName":"wxf8b4f85f3a794e77","FromUserName":"zhangsan","CreateTime":1713427000,"MsgType":"event",
             "Event":"template_card_event","EventKey":"submit","TaskId":"case-7","CardType":"multiple_interaction",
             "ResponseCode":"RC_9","AgentID":1000002,
             "SelectedItems":{"SelectedItem":[
                {"QuestionKey":"q1","OptionIds":{"OptionId":["a","b"]}},
                {"QuestionKey":"q2","OpitonIds":{"OpitonId":"c"}}]}}
            """;

        var card = Assert.IsType<TemplateCardEvent>(CallbackMessageParser.Parse(json));

        Assert.Equal("1000002", card.AgentId);
        Assert.Equal(2, card.SelectedItems.Count);
        Assert.Equal(["a", "b"], card.SelectedItems[0].OptionIds);
        Assert.Equal(["c"], card.SelectedItems[1].OptionIds);
    }

    [Fact]
    public void A_json_subscribe_message_popup_reads_the_top_level_list()
    {
        const string json = """
            {"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,
             "MsgType":"event","Event":"subscribe_msg_popup_event",
             "List":[{"TemplateId":"tmpl-1","SubscribeStatusString":"accept","PopupScene":"0"}]}
            """;

        var popup = Assert.IsType<SubscribeMessageEvent>(CallbackMessageParser.Parse(json));

        Assert.Equal(new SubscribeMessageItem("tmpl-1", "accept", "0", null, null, null), Assert.Single(popup.Items));
    }

    [Fact]
    public void An_unknown_json_event_is_kept()
    {
        const string json = """{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}""";

        var unknown = Assert.IsType<UnknownMessage>(CallbackMessageParser.Parse(json));

        Assert.Equal("debug_demo", unknown.Event);
        Assert.Equal(json, unknown.RawPayload);
    }

    [Fact]
    public void Too_deep_json_is_refused()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);

        Assert.Throws<CallbackPayloadException>(() => CallbackMessageParser.Parse(json));
    }
}
