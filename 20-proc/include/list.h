/**
 * @file list.h
 * @brief Intrusive doubly linked lists (the Linux `list_head` idea).
 *
 * A `struct list_node` lives inside the object it links; container_of()
 * gets back from the node to the object.  A list is a node used as head:
 * an empty list points at itself, so insertion and removal never test
 * for NULL.
 */
#ifndef LIST_H
#define LIST_H

#include <compiler.h>
#include <stddef.h>

/** @brief A link in (or the head of) a circular doubly linked list. */
struct list_node {
	struct list_node *next;	/**< next node, or the head */
	struct list_node *prev;	/**< previous node, or the head */
};

/**
 * list_init() - Make @p head an empty list (or mark a node as linked nowhere).
 * @param head the node
 */
static inline void list_init(struct list_node *head)
{
	head->next = head;
	head->prev = head;
}

/**
 * list_empty() - Whether the list @p head has no entries.
 * @param head the list
 * @return 1 if empty
 */
static inline int list_empty(const struct list_node *head)
{
	return head->next == head;
}

/**
 * list_add_tail() - Insert @p node before @p head, i.e. at the end of the list.
 * @param node a node not in any list
 * @param head the list
 */
static inline void list_add_tail(struct list_node *node, struct list_node *head)
{
	node->prev = head->prev;
	node->next = head;
	head->prev->next = node;
	head->prev = node;
}

/**
 * list_add() - Insert @p node right after @p head, i.e. at the front of the list.
 * @param node a node not in any list
 * @param head the list
 */
static inline void list_add(struct list_node *node, struct list_node *head)
{
	list_add_tail(node, head->next);
}

/**
 * list_del() - Unlink @p node from its list and leave it pointing at itself.
 * @param node a linked node (unlinking an unlinked node is harmless)
 */
static inline void list_del(struct list_node *node)
{
	node->prev->next = node->next;
	node->next->prev = node->prev;
	list_init(node);
}

/** @brief The object of type @p type whose member @p member is @p node. */
#define list_entry(node, type, member) container_of(node, type, member)

/**
 * @brief Loop with @p pos (a `struct list_node *`) over every node of @p head.
 * Do not remove @p pos in the body; use list_for_each_safe() for that.
 */
#define list_for_each(pos, head) for ((pos) = (head)->next; (pos) != (head); (pos) = (pos)->next)

/** @brief Like list_for_each(), keeping the next node in @p tmp so @p pos may be removed. */
#define list_for_each_safe(pos, tmp, head) \
	for ((pos) = (head)->next, (tmp) = (pos)->next; (pos) != (head); (pos) = (tmp), (tmp) = (pos)->next)

#endif /* LIST_H */
