/**
 * @file signal.h
 * @brief Sending a signal to a task (minimal declaration; the process core implements it).
 */
#ifndef SIGNAL_H
#define SIGNAL_H

struct task;

/**
 * task_send_signal() - Make signal @p sig pending for task @p t.
 * @param t   the task
 * @param sig a Linux signal number (SIGPIPE is 13)
 */
void task_send_signal(struct task *t, int sig);

#endif /* SIGNAL_H */
