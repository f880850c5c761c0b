/*
 * pic.h - the two 8259A interrupt controllers (private to arch/x86_64).
 */
#ifndef ARCH_X86_64_PIC_H
#define ARCH_X86_64_PIC_H

#include <stdint.h>

void pic_init(void);
void pic_unmask(unsigned int irq);
void pic_eoi(unsigned int irq);
int pic_is_spurious(unsigned int irq);

#endif
