using System.Diagnostics;
using Toolkit.Inference.Evaluation;

namespace Toolkit.Inference.Attacks;

/// <summary>
/// Attacks a classifier over an evaluation set: a timed clean pass (plain evaluation), then every method at
/// every eps, batch by batch, classifying each adversarial batch with the forward model right after making it.
/// </summary>
public sealed class AttackRunner(OnnxModel model, GradientModel gradientModel, AttackPlan plan)
{
    public AttackReport Run(EvaluationSet set, IProgress<int>? progress = null)
    {
        CheckCompatible(set);
        var run = new RunState(set, plan, gradientModel, progress);
        WarmUp(run);

        var clock = Stopwatch.StartNew();
        run.CleanPredictions = ClassifierEvaluator.Predict(model, set, plan.BatchSize);
        double evalRate = set.Count / clock.Elapsed.TotalSeconds;
        run.Advance(set.Count);
        run.AttackLabels = plan.Targets.LabelsFor(set.Labels, gradientModel.Classes, plan.Seed);

        float? exampleEps = plan.NearestExampleEps();
        var curves = plan.Methods.Select((method, m) => RunMethod(run, method, m == 0 ? exampleEps : null)).ToList();
        double cleanAccuracy = run.CleanPredictions.Where((p, i) => p == set.Labels[i]).Count() / (double)Math.Max(1, set.Count);

        return new AttackReport(Path.GetFileName(model.Path), set.Name, model.Provider, set.Count,
            plan.Targets.Describe(set.ClassNames), cleanAccuracy, evalRate, curves, exampleEps ?? 0, run.Examples);
    }

    private static double Rate(double images, double seconds) => seconds > 0 ? images / seconds : 0;

    private MethodCurve RunMethod(RunState run, IAttack method, float? exampleEps)
    {
        var points = plan.Epsilons.Select(eps => RunPoint(run, method, eps, collectExamples: eps == exampleEps)).ToList();
        var attacked = points.Where(p => p.Eps > 0).ToList();
        double images = attacked.Count * run.Set.Count;
        double attackRate = Rate(images, attacked.Sum(p => p.AttackSeconds));
        double evalRate = Rate(images, attacked.Sum(p => p.EvalSeconds));
        return new MethodCurve(method.Name, method.GradientSteps, points, attackRate, evalRate, evalRate > 0 ? attackRate / evalRate : 0);
    }

    private EpsilonResult RunPoint(RunState run, IAttack method, float eps, bool collectExamples)
    {
        var set = run.Set;
        var tally = new AttackTally(plan.Targets.IsTargeted);
        var clock = Stopwatch.StartNew();
        for (int start = 0; start < set.Count; start += plan.BatchSize)
        {
            int count = Math.Min(plan.BatchSize, set.Count - start);
            run.Load(start, count);
            long before = Stopwatch.GetTimestamp();
            method.Perturb(run.Gradients, run.Clean, run.Labels, count, eps, plan.Targets.IsTargeted, run.Adversarial);
            long attacked = Stopwatch.GetTimestamp();
            ClassifierEvaluator.PredictBatch(model, run.Adversarial, count, run.Logits, run.Predictions);
            tally.PerturbSeconds += Stopwatch.GetElapsedTime(before, attacked).TotalSeconds;
            tally.ClassifySeconds += Stopwatch.GetElapsedTime(attacked).TotalSeconds;

            for (int i = 0; i < count; i++)
            {
                tally.Add(set.Labels[start + i], run.CleanPredictions[start + i], run.Labels[i], run.Predictions[i], run.CleanImage(i), run.AdversarialImage(i));
                if (collectExamples) run.ConsiderExample(start + i, i, plan.ExampleCount);
            }
            run.Advance(count);
        }
        return tally.Result(eps, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// A full batch and the last, shorter one through both sessions first, each as often as ONNX Runtime needs to
    /// plan its memory for that shape (<see cref="Sessions.CpuSessionOptions.WarmUpRuns"/>), so that one-time
    /// allocations do not count in the timings.
    /// </summary>
    private void WarmUp(RunState run)
    {
        int full = Math.Min(plan.BatchSize, run.Set.Count), last = run.Set.Count % plan.BatchSize;
        foreach (int count in last > 0 && last != full ? [full, last] : new[] { full })
        {
            run.Load(0, count);
            for (int repeat = 0; repeat < Sessions.CpuSessionOptions.WarmUpRuns; repeat++)
            {
                ClassifierEvaluator.PredictBatch(model, run.Clean, count, run.Logits, run.Predictions);
                run.Gradients.At(run.Clean, run.Labels, count);
            }
        }
    }

    private void CheckCompatible(EvaluationSet set)
    {
        ClassifierEvaluator.CheckCompatible(model.Info, set, model.Path);
        if (gradientModel.Info.InputSize != model.Info.InputSize || gradientModel.Classes != model.Info.Classes.Count)
            throw new InvalidOperationException($"{gradientModel.Path} does not belong to {model.Path}: input or class count differs");
        if (set.Count == 0) throw new InvalidOperationException($"{set.Name} has no images to attack");
    }

    /// <summary>The buffers and per-image results of one run.</summary>
    private sealed class RunState(EvaluationSet set, AttackPlan plan, GradientModel gradientModel, IProgress<int>? progress)
    {
        private readonly int _size = set.ValuesPerExample;
        private int _done;

        public EvaluationSet Set { get; } = set;
        public InputGradients Gradients { get; } = new(gradientModel, plan.BatchSize);
        public float[] Clean { get; } = new float[plan.BatchSize * set.ValuesPerExample];
        public float[] Adversarial { get; } = new float[plan.BatchSize * set.ValuesPerExample];
        public float[] Logits { get; } = new float[plan.BatchSize * gradientModel.Classes];
        public int[] Predictions { get; } = new int[plan.BatchSize];
        public long[] Labels { get; } = new long[plan.BatchSize];
        public int[] CleanPredictions { get; set; } = [];
        public long[] AttackLabels { get; set; } = [];
        public List<AttackExample> Examples { get; } = [];

        public void Load(int start, int count)
        {
            Set.CopyBatch(start, count, Clean);
            if (AttackLabels.Length > 0) Array.Copy(AttackLabels, start, Labels, 0, count);
            else for (int i = 0; i < count; i++) Labels[i] = Set.Labels[start + i];
        }

        public ReadOnlySpan<float> CleanImage(int i) => Clean.AsSpan(i * _size, _size);

        public ReadOnlySpan<float> AdversarialImage(int i) => Adversarial.AsSpan(i * _size, _size);

        /// <summary>Keeps a correctly classified image that changed class, until there are enough.</summary>
        public void ConsiderExample(int index, int i, int wanted)
        {
            int truth = Set.Labels[index];
            if (Examples.Count >= wanted || CleanPredictions[index] != truth || Predictions[i] == truth) return;
            var names = Set.ClassNames;
            Examples.Add(new AttackExample(index, names[truth], names[CleanPredictions[index]], names[Predictions[i]],
                CleanImage(i).ToArray(), AdversarialImage(i).ToArray()));
        }

        public void Advance(int count) => progress?.Report(_done += count);
    }
}
