/* The start-up anchor: the least any ncursesw program does to show a full
 * screen (initialise the terminal, fill every line with text, refresh,
 * end). bitim's start to its first full screen is compared with this. */
#include <config.h>
#include <locale.h>
#include <curses.h>

int main(void)
{
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	for (int y = 0; y < LINES; y++)
		for (int x = 0; x < COLS; x++)
			mvaddch(y, x, (chtype)('a' + (x + y) % 26) | (y == 2 ? A_REVERSE : A_NORMAL));
	refresh();
	endwin();
	return 0;
}
