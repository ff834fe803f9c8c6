// The load run's child processes (see load_run_child.h). Linux: fork, exec of /proc/self/exe,
// pipes, a death signal tied to the parent.
#if !defined(__EMSCRIPTEN__)
#include "native/cli/load_run_child.h"

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "native/cli/cli.h"

namespace nuanxin::cli::load {

Child::~Child() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        (void)wait();
    }
    if (m_fd >= 0) ::close(m_fd);
    release();
}

bool Child::start(const std::vector<std::string>& args) {
    int out[2], in[2];
    if (::pipe(out) != 0) return false;
    if (::pipe(in) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        return false;
    }
    const pid_t parent = ::getpid();
    m_pid = ::fork();
    if (m_pid < 0) return false;
    if (m_pid == 0) {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(kFailed);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(in[0], STDIN_FILENO);
        for (int fd : {out[0], out[1], in[0], in[1]}) ::close(fd);
        std::vector<char*> argv;
        static char self[] = "nuanxin";
        argv.push_back(self);
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv("/proc/self/exe", argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    ::close(in[0]);
    m_fd = out[0];
    m_in = in[1];
    return true;
}

void Child::release() {
    if (m_in >= 0) ::close(m_in);
    m_in = -1;
}

bool Child::read(std::vector<std::string>& lines, int timeoutMs) {
    pollfd p{m_fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeoutMs);
    if (ready <= 0) return true; // timeout, or a signal (the caller looks at its flags)
    char buffer[65536];
    const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
    if (n < 0) return errno == EINTR;
    if (n == 0) return false;
    m_pending.append(buffer, static_cast<std::size_t>(n));
    for (std::size_t end; (end = m_pending.find('\n')) != std::string::npos;) {
        lines.push_back(m_pending.substr(0, end));
        m_pending.erase(0, end + 1);
    }
    return true;
}

void Child::signal(int sig) const {
    if (m_pid > 0) ::kill(m_pid, sig);
}

int Child::wait() {
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_pid = 0;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

} // namespace nuanxin::cli::load
#endif
