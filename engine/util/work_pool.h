// A fixed set of threads running jobs in the order they were queued. The
// thread that queues jobs runs queued ones itself while it waits for one,
// so a pool of N - 1 workers keeps N threads busy, and a pool of none runs
// every job on the caller.
//
//   credence::WorkPool pool(threads - 1);
//   credence::WorkPool::Job job;
//   job.run = [&] { Score(batch); };
//   pool.Submit(&job);
//   ...  // read the next batch meanwhile
//   pool.Wait(&job);  // rethrows what the job threw
#ifndef CREDENCE_ENGINE_UTIL_WORK_POOL_H_
#define CREDENCE_ENGINE_UTIL_WORK_POOL_H_

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace credence {

class WorkPool {
 public:
  struct Job {
    std::function<void()> run;

   private:
    friend class WorkPool;
    bool done = false;
    std::exception_ptr error;
  };

  // Throws std::runtime_error "cannot start thread I of N (reason; try
  // fewer threads)" when the system refuses a thread (a process or memory
  // limit), once the threads already started are stopped.
  explicit WorkPool(unsigned workers);
  // Jobs not started are dropped; running ones finish first.
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `job`, which must stay alive until Wait() returns for it (or
  // the pool is gone). A job may be submitted again once waited for.
  void Submit(Job* job);
  // Returns once `job` has run, running queued jobs on this thread
  // meanwhile; rethrows what the job threw.
  void Wait(Job* job);

 private:
  void Work();
  // Drops the jobs not started and joins every thread.
  void Stop();
  // Runs the front job with `lock` released; returns with it held.
  void RunFront(std::unique_lock<std::mutex>* lock);

  std::mutex mutex_;
  std::condition_variable queued_;  // a job was queued, or stop_
  std::condition_variable done_;    // a job finished
  std::deque<Job*> queue_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace credence

#endif  // CREDENCE_ENGINE_UTIL_WORK_POOL_H_
