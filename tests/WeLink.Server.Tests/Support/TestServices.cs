namespace WeLink.Server.Tests.Support;

/// <summary>Connection strings of the services scripts/test.sh starts. A missing one fails the test: we never skip.</summary>
public static class TestServices
{
    public static string Postgres => Require("WELINK_TEST_POSTGRES", "PostgreSQL");

    public static string Redis => Require("WELINK_TEST_REDIS", "Redis");

    private static string Require(string variable, string service) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run the tests through scripts/test.sh, which starts {service} (and the other services) for them.");
}
