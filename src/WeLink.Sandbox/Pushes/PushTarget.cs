namespace WeLink.Sandbox.Pushes;

/// <summary>The four callback URLs of WeLink, each with its own receiveid rule (protocol.md §1.7).</summary>
public enum PushTarget
{
    /// <summary>POST /wechat/component/events; receiveid = component appid.</summary>
    ComponentEvents,

    /// <summary>POST /wechat/component/accounts/{appid}/messages; receiveid = component appid.</summary>
    ComponentMessages,

    /// <summary>POST /wecom/suite/instructions; receiveid = suite id.</summary>
    SuiteInstructions,

    /// <summary>POST /wecom/suite/data/{corpid}; receiveid = the authorizing corpid.</summary>
    SuiteData,
}
