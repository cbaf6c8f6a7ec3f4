namespace WeLink.Browser.Tests.Infrastructure;

/// <summary>The platform credentials the sandbox and the receiver share in these tests.</summary>
public static class TestCredentials
{
    public const string ComponentAppId = "wx0123456789abcdef";
    public const string ComponentSecret = "component-secret-for-tests";
    public const string ComponentToken = "componentPushToken";
    public const string ComponentAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string SuiteId = "wwtestsuite0000001";
    public const string SuiteSecret = "suite-secret-for-tests";
    public const string SuiteToken = "suitePushToken";
    public const string SuiteAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string ProviderCorpId = "wwtestprovider0001";
}
