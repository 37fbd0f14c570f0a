namespace FocusMate.Core.Push;

/// <summary>What became of one push.</summary>
public enum PushDelivery
{
    /// <summary>The push service took it.</summary>
    Delivered,
    /// <summary>The subscription is gone (404, 410): it is dropped.</summary>
    Gone,
    /// <summary>It failed this time (the service refused or did not answer); the subscription stays.</summary>
    Failed,
}
