namespace WeLink.Workflow.Engine;

public enum ActorKind
{
    Consumer,

    /// <summary>WeLink itself: timers and other automatic moves.</summary>
    System,

    /// <summary>Brand HQ in the admin portal.</summary>
    Hq,

    /// <summary>Dealer staff in WeCom, acting in one or more roles.</summary>
    Staff,
}
