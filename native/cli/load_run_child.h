#pragma once
// A child process of the load run (native only): this same binary with other arguments, its
// standard output a pipe to the parent.
#include <string>
#include <sys/types.h>
#include <vector>

namespace nuanxin::cli::load {

/// @brief A child process of this binary whose standard output is a pipe to us. It runs in its
/// own process group (Ctrl+C reaches only the parent, which passes it on) and dies with the
/// parent. Destroying a running child kills it.
class Child {
public:
    Child() = default;
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child();

    /// @brief Starts `/proc/self/exe args...`; false when it could not.
    bool start(const std::vector<std::string>& args);
    /// @brief Closes the child's standard input: a worker that said "done" waits for this.
    void release();
    /// @brief Waits up to `timeoutMs` for output and appends the complete lines; false at the
    /// end of the output.
    bool read(std::vector<std::string>& lines, int timeoutMs);
    void signal(int sig) const;
    /// @brief Waits for the end: the exit code, or 128 + the signal that ended it.
    int wait();

private:
    pid_t m_pid = 0;
    int m_fd = -1;
    int m_in = -1;
    std::string m_pending;
};

} // namespace nuanxin::cli::load
