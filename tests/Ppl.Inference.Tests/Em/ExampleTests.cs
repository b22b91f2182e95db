using Ppl.StdLib.Data;

namespace Ppl.Inference.Tests.Em;

public sealed class ExampleTests
{
    [Theory]
    [InlineData("gmm")]
    [InlineData("ppca")]
    [InlineData("bernoulli-mixture")]
    public void The_example_runs_with_its_data_and_a_monotone_log_likelihood(string name)
    {
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(EmPipeline.FixturePath("gmm_sklearn.json"))))))!;
        var model = Path.Combine(folder, "..", "examples", name, name + ".ppl");
        var data = JsonDataReader.Read(Path.Combine(folder, "..", "examples", name, name + ".json"));
        Assert.False(data.HasErrors);
        var result = EmPipeline.Run(File.ReadAllText(model), name + ".ppl", data.Data.Arrays, new InferenceOptions { Seed = 1 });
        Assert.True(result.Converged);
        Assert.True(double.IsFinite(result.Elbo));
        EmPipeline.AssertMonotone(result.Trace);
    }
}
