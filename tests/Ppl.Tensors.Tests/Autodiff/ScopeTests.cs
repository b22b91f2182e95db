namespace Ppl.Tensors.Tests.Autodiff;

public sealed class ScopeTests
{
    [Fact]
    public void Tensors_of_an_ended_scope_cannot_be_read()
    {
        var pool = new BufferPool();
        Tensor t;
        using (TensorScope.Begin(pool))
        {
            t = Tensor.Ones(DType.Float32, 4) * 2.0;
            Assert.Equal(8, t.Sum().Item());
            Assert.True(pool.RentedCount > 0);
        }
        Assert.Equal(0, pool.RentedCount);
        Assert.Throws<ObjectDisposedException>(() => t.ToArray());
    }

    [Fact]
    public void Buffers_are_reused_across_scopes()
    {
        var pool = new BufferPool();
        float[] first;
        using (TensorScope.Begin(pool))
        {
            first = (float[])Tensor.Zeros(DType.Float32, 100).Storage.Data;
        }
        using (TensorScope.Begin(pool))
        {
            Assert.Same(first, Tensor.Ones(DType.Float32, 10, 10).Storage.Data);
        }
    }

    [Fact]
    public void Nested_scopes_release_only_their_own_tensors()
    {
        var pool = new BufferPool();
        using (TensorScope.Begin(pool))
        {
            var outer = Tensor.Full(3, DType.Float64, 2);
            Tensor inner;
            using (TensorScope.Begin(pool))
            {
                inner = outer * 2.0;
            }
            Assert.Equal(6, outer.Sum().Item());
            Assert.Throws<ObjectDisposedException>(() => inner.Sum());
        }
        Assert.Equal(0, pool.RentedCount);
    }

    [Fact]
    public void Leaf_gradients_outlive_the_step_scope()
    {
        var pool = new BufferPool();
        var w = Tensor.Parameter([1.0, 2.0], DType.Float64);
        using (TensorScope.Begin(pool))
        {
            (w * w).Sum().Backward();
        }
        Assert.Equal([2.0, 4.0], w.Grad!.ToArray());
    }

    [Fact]
    public void No_grad_scope_records_nothing()
    {
        var w = Tensor.Parameter([1.0], DType.Float64);
        Tensor y;
        using (Tensor.NoGrad())
        {
            y = Tensor.Exp(w) * w;
        }
        Assert.False(y.RequiresGrad);
        Assert.True(y.IsLeaf);
        Assert.True((w * 2.0).RequiresGrad);
    }

    [Fact]
    public void Gradients_accumulate_until_zeroed()
    {
        var w = Tensor.Parameter([3.0], DType.Float64);
        (w * w).Sum().Backward();
        (w * w).Sum().Backward();
        Assert.Equal(12, w.Grad!.Item());
        w.ZeroGrad();
        Assert.Equal(0, w.Grad!.Item());
    }

    [Fact]
    public void Detach_stops_the_gradient_and_only_needed_gradients_are_computed()
    {
        var a = Tensor.Parameter([2.0], DType.Float64);
        var b = Tensor.FromArray([5.0]);
        var c = Tensor.Parameter([7.0], DType.Float64);
        (a * b + a.Detach() * c).Sum().Backward();
        Assert.Equal(5, a.Grad!.Item());
        Assert.Null(b.Grad);
        Assert.Equal(2, c.Grad!.Item());
    }

    [Fact]
    public void Ops_on_constants_are_not_recorded()
    {
        var y = Tensor.Exp(Tensor.FromArray([1.0, 2.0])) + 1.0;
        Assert.False(y.RequiresGrad);
        Assert.Throws<InvalidOperationException>(() => y.Sum().Backward());
    }

    [Fact]
    public void RequiresGrad_cannot_be_set_on_an_op_result()
    {
        var w = Tensor.Parameter([1.0], DType.Float64);
        var y = w * 2.0;
        Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
        Assert.False(y.IsLeaf);
    }

    [Fact]
    public void Float32_gradients_agree_with_float64()
    {
        var x64 = Tensor.Parameter([0.3, -1.2, 0.8, 2.0, -0.4, 0.1], DType.Float64, 2, 3);
        var w64 = Tensor.Parameter([0.5, -0.25, 1.0, 0.75, -1.5, 0.2], DType.Float64, 3, 2);
        var x32 = Tensor.Parameter(x64.ToArray(), DType.Float32, 2, 3);
        var w32 = Tensor.Parameter(w64.ToArray(), DType.Float32, 3, 2);
        Tensor.LogSigmoid(Tensor.MatMul(x64, w64)).LogSumExp().Backward();
        Tensor.LogSigmoid(Tensor.MatMul(x32, w32)).LogSumExp().Backward();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(x64.Grad![i], x32.Grad![i], 5);
            Assert.Equal(w64.Grad![i], w32.Grad![i], 5);
        }
    }

    [Fact]
    public void Cast_round_trip_carries_the_gradient()
    {
        var x = Tensor.Parameter([1.5, -2.0], DType.Float64);
        var y = (x.To(DType.Float32) * 3.0).To(DType.Float64);
        Assert.Equal(DType.Float64, y.DType);
        y.Sum().Backward();
        Assert.Equal([3.0, 3.0], x.Grad!.ToArray());
    }
}

public sealed class PooledObjectTests
{
    [Fact]
    public void Tensor_objects_are_reused_from_the_next_step_and_stale_ones_throw_until_then()
    {
        var pool = new BufferPool();
        var w = Tensor.Parameter([1.0, 2.0], DType.Float64);
        Tensor first;
        using (TensorScope.Begin(pool))
        {
            first = Tensor.Exp(w) * 2.0;
            first.Sum().Backward();
        }
        Assert.Throws<ObjectDisposedException>(() => first.ToArray());
        Assert.Throws<ObjectDisposedException>(() => first.Reshape(2, 1).ToArray());
        var reused = false;
        using (TensorScope.Begin(pool))
        {
            for (var i = 0; i < 8; i++)
            {
                reused |= ReferenceEquals(Tensor.Exp(w), first);
            }
        }
        Assert.True(reused);
        Assert.Equal(Math.Exp(1) * 2, w.Grad![0], 12);
    }

    [Fact]
    public void Shapes_computed_inside_a_scope_are_shared_arrays()
    {
        var pool = new BufferPool();
        using (TensorScope.Begin(pool))
        {
            var x = Tensor.Ones(DType.Float32, 3, 4);
            var a = x.Sum(1);
            var b = x.Sum(1);
            Assert.Same(a.ShapeArray, b.ShapeArray);
            Assert.Equal([3], a.ShapeArray);
            Assert.Equal([4, 3], Tensor.Zeros(DType.Float32, 4, 3).ShapeArray);
        }
    }

    [Fact]
    public void Records_of_a_pooled_step_give_the_same_gradients_as_fresh_ones()
    {
        var pool = new BufferPool();
        var w = Tensor.Parameter([0.5, -1.5, 2.0, 0.25], DType.Float64, 2, 2);
        double[] Step(bool pooled)
        {
            w.ZeroGrad();
            using (pooled ? TensorScope.Begin(pool) : default)
            {
                var y = Tensor.MatMul(w, Tensor.Tanh(w)).Slice(1, 0, 1) + Tensor.Pow(w, 3).Sum(0, keepDims: true);
                (Tensor.Concat([y, w.Transpose()], 0).LogSumExp() - Tensor.Clamp(w, -1, 1).Mean()).Backward();
            }
            return w.Grad!.ToArray();
        }
        var fresh = Step(pooled: false);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(fresh, Step(pooled: true));
        }
    }
}
