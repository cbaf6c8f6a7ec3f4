namespace WeLink.Server.Shared;

/// <summary>
/// Configuration that cannot work. The host prints the message (which names the setting) and exits,
/// instead of a stack trace.
/// </summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupConfigurationException()
    {
    }
}
