using Xunit.Abstractions;
using Xunit.Sdk;

// The stacks share one Docker engine and two cores, and each class walks one deployment through its life:
// one test at a time, in the order the tests declare.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("FocusMate.ComposeTests.Support.CollectionsByName", "FocusMate.ComposeTests")]

namespace FocusMate.ComposeTests.Support;

/// <summary>The position of a test in its class: a deployment's life runs in this order.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}

/// <summary>Runs a class's tests by their <see cref="StepAttribute"/>.</summary>
public sealed class BySteps : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName)
            .FirstOrDefault()?.GetConstructorArguments().Cast<int>().Single() ?? int.MaxValue);
}

/// <summary>Runs the test collections by name: the template checks, the single shape, then the scale shape.</summary>
public sealed class CollectionsByName : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName, StringComparer.Ordinal);
}
