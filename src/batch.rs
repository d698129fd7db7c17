//! Parallel work with ordered results: jobs are taken a batch at a time, run on a
//! thread pool, and handed back in the order they came. The batch bound keeps memory
//! flat on endless streams; the order makes `-j8` print exactly what `-j1` prints.

use rayon::ThreadPool;
use rayon::prelude::*;

/// When a batch is full: whichever bound is reached first.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// Most jobs in one batch.
    pub jobs: usize,
    /// Most input bytes (as the jobs weigh themselves) in one batch.
    pub bytes: usize,
}

impl Bounds {
    /// Bounds that keep `threads` workers busy while holding only a few megabytes.
    pub fn for_threads(threads: usize) -> Bounds {
        Bounds {
            jobs: 64 * threads.max(1),
            bytes: 2 << 20,
        }
    }
}

/// Runs `work` over every job of `jobs` on `pool` and passes each result to `emit`,
/// in job order. `weight` is a job's size in bytes, for the batch bound. Stops at
/// the first error `emit` returns.
pub fn ordered<J, R, E>(
    pool: &ThreadPool,
    bounds: Bounds,
    jobs: impl IntoIterator<Item = J>,
    weight: impl Fn(&J) -> usize,
    work: impl Fn(J) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    J: Send,
    R: Send,
{
    let mut jobs = jobs.into_iter().peekable();
    let mut batch = Vec::new();
    while jobs.peek().is_some() {
        let mut bytes = 0usize;
        while batch.len() < bounds.jobs && bytes < bounds.bytes {
            let Some(job) = jobs.next() else { break };
            bytes += weight(&job);
            batch.push(job);
        }
        let results: Vec<R> = if pool.current_num_threads() <= 1 {
            batch.drain(..).map(&work).collect()
        } else {
            pool.install(|| batch.par_drain(..).map(&work).collect())
        };
        for result in results {
            emit(result)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    fn run(threads: usize, bounds: Bounds, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let emitted: Result<(), ()> = ordered(
            &pool(threads),
            bounds,
            0..n,
            |&j| j % 7,
            |j| j * j,
            |r| {
                out.push(r);
                Ok(())
            },
        );
        emitted.unwrap();
        out
    }

    #[test]
    fn results_come_in_job_order_whatever_the_threads_and_bounds() {
        let expected: Vec<usize> = (0..1000).map(|j| j * j).collect();
        for threads in [1, 2, 4] {
            for bounds in [
                Bounds { jobs: 1, bytes: 1 },
                Bounds {
                    jobs: 3,
                    bytes: 1000,
                },
                Bounds {
                    jobs: 1000,
                    bytes: 10,
                },
                Bounds::for_threads(threads),
            ] {
                assert_eq!(run(threads, bounds, 1000), expected, "{threads} {bounds:?}");
            }
        }
        assert!(run(2, Bounds::for_threads(2), 0).is_empty());
    }

    #[test]
    fn an_emit_error_stops_the_run() {
        let mut seen = 0;
        let result = ordered(
            &pool(2),
            Bounds {
                jobs: 4,
                bytes: 100,
            },
            0..100,
            |_| 1,
            |j| j,
            |j| {
                seen += 1;
                if j == 9 { Err(j) } else { Ok(()) }
            },
        );
        assert_eq!((result, seen), (Err(9), 10));
    }
}
