namespace WeLink.Testing;

/// <summary>
/// Connection strings of the throwaway PostgreSQL and Redis that scripts/test.sh starts.
/// A missing service fails the test that needs it: tests never skip.
/// </summary>
public static class TestServices
{
    public static string Redis => Required("WELINK_TEST_REDIS");

    public static string Postgres => Required("WELINK_TEST_POSTGRES");

    private static string Required(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{variable} is not set: run the tests through scripts/test.sh, which starts PostgreSQL and Redis " +
                "(or source .services/env after scripts/services.sh start).")
            : value;
    }
}
