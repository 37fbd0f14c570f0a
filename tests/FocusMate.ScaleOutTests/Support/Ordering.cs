using Xunit.Abstractions;
using Xunit.Sdk;

namespace FocusMate.ScaleOutTests.Support;

/// <summary>The place of a test in its class when the class runs them in order (<see cref="InOrder"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OrderAttribute(int place) : Attribute
{
    public int Place { get; } = place;
}

/// <summary>Runs a class's tests by their <see cref="OrderAttribute"/>: for tests that walk one deployment through steps.</summary>
public sealed class InOrder : ITestCaseOrderer
{
    public const string Name = "FocusMate.ScaleOutTests.Support.InOrder";
    public const string Assembly = "FocusMate.ScaleOutTests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.TestMethod.Method.GetCustomAttributes(typeof(OrderAttribute).AssemblyQualifiedName)
            .FirstOrDefault()?.GetConstructorArguments().Cast<int>().Single() ?? int.MaxValue);
}
