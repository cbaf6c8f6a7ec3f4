namespace WeLink.Sandbox.Pushes;

public enum PushStatus
{
    Queued,

    /// <summary>Held back by a fault (delay or reordering) and released later.</summary>
    Held,
    Delivered,

    /// <summary>Three attempts without an HTTP 200, or nowhere to send it.</summary>
    Failed,

    /// <summary>Discarded by a fault, as a lost push would be.</summary>
    Dropped,
}
