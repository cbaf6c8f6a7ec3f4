namespace WeLink.Sandbox.Faults;

public enum PushFaultKind
{
    /// <summary>The push is lost: never sent.</summary>
    Drop,

    /// <summary>The push is sent late.</summary>
    Delay,

    /// <summary>The affected pushes are held until all have been made, then sent newest first.</summary>
    Reorder,
}
