namespace WeLink.Server.StaffApp;

/// <summary>The <c>StaffApp</c> section.</summary>
public sealed class StaffAppOptions
{
    public const string SectionName = "StaffApp";

    /// <summary>
    /// A script the app loads before <c>ww.register</c>, standing in for the WeCom client's bridge. Only the in-process
    /// sandbox sets it (its <c>/sandbox/wecom/bridge.js</c>); inside WeCom the client is the bridge.
    /// </summary>
    public string? BridgeScript { get; set; }
}
