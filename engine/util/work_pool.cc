// A fixed pool of threads that run queued jobs.
#include "engine/util/work_pool.h"

#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>

namespace credence {

WorkPool::WorkPool(unsigned workers) {
  threads_.reserve(workers);
  for (unsigned i = 0; i < workers; ++i) {
    try {
      threads_.emplace_back([this] { Work(); });
    } catch (const std::system_error& e) {
      Stop();
      throw std::runtime_error("cannot start thread " + std::to_string(i + 1) +
                               " of " + std::to_string(workers) + " (" +
                               e.code().message() + "; try fewer threads)");
    } catch (...) {
      Stop();
      throw;
    }
  }
}

WorkPool::~WorkPool() { Stop(); }

void WorkPool::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  queued_.notify_all();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
}

void WorkPool::Submit(Job* job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    job->done = false;
    job->error = nullptr;
    queue_.push_back(job);
  }
  queued_.notify_one();
}

void WorkPool::Wait(Job* job) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!job->done) {
    if (!queue_.empty()) {
      RunFront(&lock);
    } else {
      done_.wait(lock);
    }
  }
  if (job->error) std::rethrow_exception(job->error);
}

void WorkPool::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    queued_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    RunFront(&lock);
  }
}

void WorkPool::RunFront(std::unique_lock<std::mutex>* lock) {
  Job* const job = queue_.front();
  queue_.pop_front();
  lock->unlock();
  std::exception_ptr error;
  try {
    job->run();
  } catch (...) {
    error = std::current_exception();
  }
  lock->lock();
  job->error = std::move(error);
  job->done = true;
  done_.notify_all();
}

}  // namespace credence
