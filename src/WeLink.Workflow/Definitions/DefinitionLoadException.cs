namespace WeLink.Workflow.Definitions;

/// <summary>The text is not a well-formed definition; says where (JSON path, line and byte position, both 1-based).</summary>
public sealed class DefinitionLoadException : Exception
{
    public DefinitionLoadException(string message, string? path, long? lineNumber, long? bytePositionInLine, Exception? innerException)
        : base(message, innerException)
    {
        JsonPath = path;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    public DefinitionLoadException()
    {
    }

    public DefinitionLoadException(string message)
        : base(message)
    {
    }

    public DefinitionLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? JsonPath { get; }

    public long? LineNumber { get; }

    public long? BytePositionInLine { get; }
}
