/*
 * true - the tiny static program that strata-bench's exec rows run: the C
 * library's start-up and exit, nothing else (musl-gcc -static, ~10 KiB).
 */
int main(void)
{
	return 0;
}
