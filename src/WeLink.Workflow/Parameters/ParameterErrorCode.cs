namespace WeLink.Workflow.Parameters;

public enum ParameterErrorCode
{
    UnknownParameter,
    WrongType,
    OutOfBounds,

    /// <summary>A dealer set a parameter that HQ did not mark as dealer-adjustable.</summary>
    LockedForDealer,

    /// <summary>HQ gave dealers a minimum above their maximum.</summary>
    BoundsCrossed,
}
