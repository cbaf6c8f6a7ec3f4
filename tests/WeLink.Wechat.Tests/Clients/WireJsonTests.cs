using System.Text.Json;
using WeLink.Wechat.Http;
using WeLink.Wechat.MiniProgram.Models;
using WeLink.Wechat.OfficialAccount.Models;
using WeLink.Wechat.OpenPlatform.Models;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Wechat.Tests.Clients;

public sealed class WireJsonTests
{
    private static WechatJsonContext Json => WechatJsonContext.Wire;

    [Fact]
    public void The_component_token_request_uses_WeChat_field_names()
    {
        var json = JsonSerializer.Serialize(
            new ApiComponentTokenRequest { ComponentAppid = "wx1", ComponentAppsecret = "s", ComponentVerifyTicket = "t" },
            Json.ApiComponentTokenRequest);

        Assert.Equal("""{"component_appid":"wx1","component_appsecret":"s","component_verify_ticket":"t"}""", json);
    }

    [Fact]
    public void A_template_message_keeps_template_keys_drops_unset_fields_and_sends_Chinese_as_is()
    {
        var json = JsonSerializer.Serialize(
            new MessageTemplateSendRequest
            {
                Touser = "o9AgO5",
                TemplateId = "tpl",
                ClientMsgId = "case-7-accepted",
                Data = new Dictionary<string, TemplateDataValue>
                {
                    ["thing2"] = new() { Value = "试驾预约" },
                    ["time3"] = new() { Value = "2026-11-25 10:00", Color = "#173177" },
                },
            },
            Json.MessageTemplateSendRequest);

        Assert.Equal(
            """{"touser":"o9AgO5","template_id":"tpl","client_msg_id":"case-7-accepted","data":{"thing2":{"value":"试驾预约"},"time3":{"value":"2026-11-25 10:00","color":"#173177"}}}""",
            json);
    }

    [Fact]
    public void A_button_template_card_has_the_WeCom_shape()
    {
        var request = MessageSendRequest.ForTemplateCard(
            "zhangsan|lisi",
            1000002,
            new TemplateCard
            {
                CardType = "button_interaction",
                MainTitle = new CardTitle { Title = "新投诉", Desc = "待处理" },
                TaskId = "case-7-v1",
                ButtonList = [new CardButton { Text = "接单", Style = 1, Key = "accept" }],
            });

        var json = JsonSerializer.Serialize(request, Json.MessageSendRequest);

        Assert.Equal(
            """{"touser":"zhangsan|lisi","msgtype":"template_card","agentid":1000002,"template_card":{"card_type":"button_interaction","main_title":{"title":"新投诉","desc":"待处理"},"task_id":"case-7-v1","button_list":[{"text":"接单","style":1,"key":"accept"}]}}""",
            json);
    }

    [Fact]
    public void A_string_scene_QR_code_request_has_the_nested_action_info()
    {
        var json = JsonSerializer.Serialize(
            new QrcodeCreateRequest
            {
                ExpireSeconds = 604800,
                ActionName = "QR_STR_SCENE",
                ActionInfo = new QrcodeActionInfo { Scene = new QrcodeScene { SceneStr = "s:7" } },
            },
            Json.QrcodeCreateRequest);

        Assert.Equal("""{"expire_seconds":604800,"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_str":"s:7"}}}""", json);
    }

    [Fact]
    public void The_phone_number_request_carries_the_buttons_code_and_the_openid_only_when_given()
    {
        var bare = JsonSerializer.Serialize(new WxaBusinessGetuserphonenumberRequest { Code = "e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144" }, Json.WxaBusinessGetuserphonenumberRequest);
        var checkedFor = JsonSerializer.Serialize(new WxaBusinessGetuserphonenumberRequest { Code = "c", Openid = "o9AgO5" }, Json.WxaBusinessGetuserphonenumberRequest);

        Assert.Equal("""{"code":"e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144"}""", bare);
        Assert.Equal("""{"code":"c","openid":"o9AgO5"}""", checkedFor);
    }

    [Fact]
    public void The_open_platform_requests_name_the_account_and_bind_names_the_open_account()
    {
        var get = JsonSerializer.Serialize(new OpenGetRequest { Appid = "wxa1" }, Json.OpenGetRequest);
        var create = JsonSerializer.Serialize(new OpenCreateRequest(), Json.OpenCreateRequest);
        var bind = JsonSerializer.Serialize(new OpenBindRequest { Appid = "wxa1", OpenAppid = "wxo9" }, Json.OpenBindRequest);

        Assert.Equal("""{"appid":"wxa1"}""", get);
        Assert.Equal("{}", create);
        Assert.Equal("""{"appid":"wxa1","open_appid":"wxo9"}""", bind);
    }

    [Fact]
    public void The_open_platform_answers_of_the_docs_are_read()
    {
        var got = JsonSerializer.Deserialize("""{"errcode":0,"errmsg":"ok","open_appid":"wx7f2a6c0f5b3e1d9a"}""", Json.OpenGetResponse)!;
        var created = JsonSerializer.Deserialize("""{"errcode":0,"errmsg":"ok","open_appid":"wx1c2d3e4f5a6b7c8d"}""", Json.OpenCreateResponse)!;
        var unbound = JsonSerializer.Deserialize("""{"errcode":89002,"errmsg":"open not exists"}""", Json.OpenGetResponse)!;

        Assert.Equal("wx7f2a6c0f5b3e1d9a", got.OpenAppid);
        Assert.Equal("wx1c2d3e4f5a6b7c8d", created.OpenAppid);
        Assert.Equal((89002, null), (unbound.Errcode, unbound.OpenAppid));
    }

    [Theory]
    [InlineData("86")]
    [InlineData("\"86\"")]
    public void The_phone_number_answer_of_the_docs_is_read_with_the_country_code_as_number_or_string(string countryCode)
    {
        var body = """{"errcode":0,"errmsg":"ok","phone_info":{"phoneNumber":"xxxxxx","purePhoneNumber":"xxxxxx","countryCode":"""
            + countryCode
            + ""","watermark":{"timestamp":1637744274,"appid":"xxxx"}}}""";

        var response = JsonSerializer.Deserialize(body, Json.WxaBusinessGetuserphonenumberResponse)!;

        Assert.Equal(("xxxxxx", "xxxxxx", "86"), (response.PhoneInfo!.PhoneNumber, response.PhoneInfo.PurePhoneNumber, response.PhoneInfo.CountryCode));
        Assert.Equal((1637744274L, "xxxx"), (response.PhoneInfo.Watermark!.Timestamp, response.PhoneInfo.Watermark.Appid));
    }

    [Fact]
    public void The_query_auth_answer_of_the_docs_is_read()
    {
        const string body = """
            {"authorization_info":{"authorizer_appid":"wxf8b4f85f3a794e77","authorizer_access_token":"QXjUqNqf",
             "expires_in":7200,"authorizer_refresh_token":"dTo-YCXPL4llX","func_info":[{"funcscope_category":{"id":1}},
             {"funcscope_category":{"id":2},"confirm_info":{"need_confirm":1,"already_confirm":0,"can_confirm":1}}]}}
            """;

        var response = JsonSerializer.Deserialize(body, Json.ApiQueryAuthResponse)!;

        Assert.Equal(0, response.Errcode);
        Assert.Equal("wxf8b4f85f3a794e77", response.AuthorizationInfo.AuthorizerAppid);
        Assert.Equal("dTo-YCXPL4llX", response.AuthorizationInfo.AuthorizerRefreshToken);
        Assert.Equal([1, 2], response.AuthorizationInfo.FuncInfo.Select(f => f.FuncscopeCategory.Id));
        Assert.Equal(1, response.AuthorizationInfo.FuncInfo[1].ConfirmInfo!.CanConfirm);
    }

    [Fact]
    public void The_unionid_conversion_sends_the_docs_fields_and_reads_either_answer()
    {
        var json = JsonSerializer.Serialize(
            new IdconvertUnionidToExternalUseridRequest { Unionid = "oAAAAAAA", Openid = "oBBBB", SubjectType = 0 },
            Json.IdconvertUnionidToExternalUseridRequest);
        var contact = JsonSerializer.Deserialize("""{"errcode":0,"errmsg":"ok","external_userid":"wmAAAAA"}""", Json.IdconvertUnionidToExternalUseridResponse)!;
        var pending = JsonSerializer.Deserialize("""{"errcode":0,"errmsg":"ok","pending_id":"p12345"}""", Json.IdconvertUnionidToExternalUseridResponse)!;

        Assert.Equal("""{"unionid":"oAAAAAAA","openid":"oBBBB","subject_type":0}""", json);
        Assert.Equal(("wmAAAAA", null), (contact.ExternalUserid, contact.PendingId));
        Assert.Equal((null, "p12345"), (pending.ExternalUserid, pending.PendingId));
    }

    [Fact]
    public void The_pending_id_lookup_sends_the_contacts_as_external_userid_and_reads_the_result_list()
    {
        var bare = JsonSerializer.Serialize(
            new IdconvertExternalUseridToPendingIdRequest { ExternalUserid = ["wmA", "wmB"] }, Json.IdconvertExternalUseridToPendingIdRequest);
        var inChat = JsonSerializer.Serialize(
            new IdconvertExternalUseridToPendingIdRequest { ExternalUserid = ["wmA"], ChatId = "wrC" }, Json.IdconvertExternalUseridToPendingIdRequest);
        var response = JsonSerializer.Deserialize(
            """{"errcode":0,"errmsg":"ok","result":[{"external_userid":"wmA","pending_id":"p1"}]}""", Json.IdconvertExternalUseridToPendingIdResponse)!;

        Assert.Equal("""{"external_userid":["wmA","wmB"]}""", bare);
        Assert.Equal("""{"external_userid":["wmA"],"chat_id":"wrC"}""", inChat);
        Assert.Equal(("wmA", "p1"), (response.Result[0].ExternalUserid, response.Result[0].PendingId));
    }

    [Fact]
    public void The_staff_identity_answer_is_read()
    {
        const string body = """
            {"errcode":0,"errmsg":"ok","corpid":"wwxxxxxxyyyyy","userid":"lisi","user_ticket":"USER_TICKET",
             "expires_in":7200,"open_userid":"wwxxxx"}
            """;

        var response = JsonSerializer.Deserialize(body, Json.ServiceAuthGetuserinfo3rdResponse)!;

        Assert.Equal("wwxxxxxxyyyyy", response.Corpid);
        Assert.Equal("lisi", response.Userid);
        Assert.Equal("USER_TICKET", response.UserTicket);
        Assert.Equal("wwxxxx", response.OpenUserid);
    }

    [Fact]
    public void An_error_answer_is_read_into_the_common_fields()
    {
        var response = JsonSerializer.Deserialize(
            """{"errcode":40001,"errmsg":"invalid credential rid: 6743"}""", Json.ApiComponentTokenResponse)!;

        Assert.Equal(40001, response.Errcode);
        Assert.Equal("invalid credential rid: 6743", response.Errmsg);
        Assert.Equal("", response.ComponentAccessToken);
    }

    [Fact]
    public void The_permanent_code_answer_carries_the_agent_id_of_the_corp()
    {
        const string body = """
            {"access_token":"xxxxxx","expires_in":7200,"permanent_code":"xxxx",
             "auth_corp_info":{"corpid":"xxxx","corp_name":"name","corp_user_max":50,"subject_type":1},
             "auth_info":{"agent":[{"agentid":1,"name":"NAME","privilege":{"level":1,"allow_party":[1,2,3],"allow_user":["zhansan"],"allow_tag":[1]}}]},
             "auth_user_info":{"userid":"aa","open_userid":"xxxxxx","name":"xxx"},"state":"dealer42"}
            """;

        var response = JsonSerializer.Deserialize(body, Json.ServiceGetPermanentCodeResponse)!;

        Assert.Equal("xxxx", response.AuthCorpInfo.Corpid);
        Assert.Equal(1, response.AuthInfo!.Agent.Single().Agentid);
        Assert.Equal(["zhansan"], response.AuthInfo.Agent[0].Privilege!.AllowUser);
        Assert.Equal("dealer42", response.State);
    }
}
