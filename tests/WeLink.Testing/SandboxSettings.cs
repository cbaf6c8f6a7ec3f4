namespace WeLink.Testing;

/// <summary>The in-process sandbox with test credentials: every test host talks to it instead of WeChat.</summary>
public static class SandboxSettings
{
    public const string ComponentAppId = "wx7e57c0c0a1d00001";
    public const string ComponentSecret = "test-component-secret-0123456789abcdef";
    public const string ComponentToken = "testComponentToken";
    public const string ComponentAesKey = "TestComponentKey0123456789abcdefghijklmnopq";
    public const string SuiteId = "wwtestsuite000000001";
    public const string SuiteToken = "testSuiteToken";
    public const string SuiteAesKey = "TestSuiteKey0123456789abcdefghijklmnopqrstu";
    public const string ProviderCorpId = "wwtestprovider000001";

    public static IReadOnlyList<string> Args { get; } =
    [
        "--Sandbox:Enabled=true",
        // WeCom's 1 s limit on the URL check is proven against a stalled receiver in the sandbox's own tests; here a
        // loaded CI machine must not turn a correct answer into a refusal.
        "--Sandbox:UrlCheckAnswerWithin=00:00:30",
        $"--Sandbox:Component:AppId={ComponentAppId}",
        $"--Sandbox:Component:AppSecret={ComponentSecret}",
        $"--Sandbox:Component:Token={ComponentToken}",
        $"--Sandbox:Component:EncodingAesKey={ComponentAesKey}",
        $"--Sandbox:Suite:SuiteId={SuiteId}",
        "--Sandbox:Suite:SuiteSecret=test-suite-secret-0123456789abcdefghijk",
        $"--Sandbox:Suite:Token={SuiteToken}",
        $"--Sandbox:Suite:EncodingAesKey={SuiteAesKey}",
        $"--Sandbox:ProviderCorpId={ProviderCorpId}",
    ];

    /// <summary>Settings for the real WeChat and WeCom (sandbox off); nothing is called in the tests that use them.</summary>
    public static IReadOnlyList<string> RealPlatformArgs { get; } =
    [
        "--Sandbox:Enabled=false",
        "--WeChat:Component:AppId=wx0000000000000001",
        "--WeChat:Component:AppSecret=real-secret",
        "--WeChat:Component:Token=realToken",
        $"--WeChat:Component:EncodingAesKey={ComponentAesKey}",
        "--WeCom:ProviderCorpId=wwprovider",
        "--WeCom:Suite:SuiteId=wwsuite",
        "--WeCom:Suite:SuiteSecret=real-suite-secret",
        "--WeCom:Suite:Token=realSuiteToken",
        $"--WeCom:Suite:EncodingAesKey={SuiteAesKey}",
    ];
}
