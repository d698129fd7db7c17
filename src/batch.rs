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
///
/// With more than one thread, the calling thread writes the results of one batch and
/// reads the next while the pool works on the current one, so reading and writing
/// cost no worker time.
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
    let mut jobs = jobs.into_iter();
    if pool.current_num_threads() <= 1 {
        return jobs.try_for_each(|job| emit(work(job)));
    }
    let mut next = take(&mut jobs, bounds, &weight);
    let mut done: Vec<R> = Vec::new();
    while !next.is_empty() {
        let current = std::mem::take(&mut next);
        let mut results = Vec::new();
        let mut emitted = Ok(());
        pool.in_place_scope(|scope| {
            scope.spawn(|_| results = current.into_par_iter().map(&work).collect());
            emitted = done.drain(..).try_for_each(&mut emit);
            if emitted.is_ok() {
                next = take(&mut jobs, bounds, &weight);
            }
        });
        emitted?;
        done = results;
    }
    done.into_iter().try_for_each(emit)
}

/// The next batch of `jobs`: up to the job count or the byte weight of `bounds`.
fn take<J>(
    jobs: &mut impl Iterator<Item = J>,
    bounds: Bounds,
    weight: impl Fn(&J) -> usize,
) -> Vec<J> {
    let mut batch = Vec::new();
    let mut bytes = 0usize;
    while batch.len() < bounds.jobs && bytes < bounds.bytes {
        let Some(job) = jobs.next() else { break };
        bytes += weight(&job);
        batch.push(job);
    }
    batch
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
        for threads in [1, 2] {
            let mut seen = 0;
            let result = ordered(
                &pool(threads),
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
            assert_eq!((result, seen), (Err(9), 10), "{threads} threads");
        }
    }
}
