namespace WeLink.Server.Callbacks.Contracts;

/// <summary>The four callback URLs an operator types into the WeChat and WeCom consoles.</summary>
public enum CallbackChannel
{
    /// <summary><c>/wechat/component/events</c></summary>
    Component,

    /// <summary><c>/wechat/component/accounts/{appid}/messages</c></summary>
    Account,

    /// <summary><c>/wecom/suite/instructions</c></summary>
    Suite,

    /// <summary><c>/wecom/suite/data/{corpid}</c></summary>
    Corp,
}
