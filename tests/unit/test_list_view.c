/* test_list_view.c — the one scrolling list (widgets.h list_view): moves,
 * paging, Home/End, the wheel and a click, the selection kept in view when
 * the list or its height changes (a resize), and the selected-row colour
 * every list draws with. */
#include "check.h"
#include "ui/widgets.h"

static struct list_view lv_new(long count, int height) {
  struct list_view lv = {.count = count, .sel = 0, .top = 0, .height = height};
  list_view_fix(&lv);
  return lv;
}

static void test_paging(void) {
  struct list_view lv = lv_new(100, 10);
  CHECK(list_view_move(&lv, ACT_PAGE_DOWN));
  CHECK_INT(lv.sel, 9); /* a page is the height less one row kept */
  CHECK(lv.sel >= lv.top && lv.sel < lv.top + lv.height);
  CHECK(list_view_move(&lv, ACT_PAGE_DOWN));
  CHECK_INT(lv.sel, 18);
  CHECK(list_view_move(&lv, ACT_PAGE_UP));
  CHECK_INT(lv.sel, 9);
  CHECK(list_view_move(&lv, ACT_LAST)); /* End */
  CHECK_INT(lv.sel, 99);
  CHECK_INT(lv.top, 90); /* the last page full, no blank rows */
  CHECK(!list_view_move(&lv, ACT_DOWN)); /* at the end: nothing moves */
  CHECK(!list_view_move(&lv, ACT_PAGE_DOWN));
  CHECK(list_view_move(&lv, ACT_FIRST)); /* Home */
  CHECK_INT(lv.sel, 0);
  CHECK_INT(lv.top, 0);
  CHECK(!list_view_move(&lv, ACT_UP));
  CHECK(!list_view_move(&lv, ACT_PAGE_UP));
}

static void test_resize_keeps_selection(void) {
  struct list_view lv = lv_new(100, 20);
  list_view_select(&lv, 50);
  CHECK(lv.sel >= lv.top && lv.sel < lv.top + lv.height);
  list_view_resize(&lv, 3); /* the terminal shrank */
  CHECK_INT(lv.height, 3);
  CHECK_INT(lv.sel, 50);
  CHECK(lv.sel >= lv.top && lv.sel < lv.top + lv.height);
  list_view_resize(&lv, 40); /* and grew */
  CHECK_INT(lv.sel, 50);
  CHECK(lv.sel >= lv.top && lv.sel < lv.top + lv.height);
  list_view_select(&lv, 99);
  list_view_resize(&lv, 60);
  CHECK_INT(lv.top, 40); /* the end of the list at the bottom */
  list_view_resize(&lv, 0); /* too small: one row, still the selection */
  CHECK_INT(lv.height, 1);
  CHECK_INT(lv.top, 99);
  /* the list shrank under the selection */
  lv.count = 5;
  list_view_fix(&lv);
  CHECK_INT(lv.sel, 4);
  CHECK_INT(lv.top, 4);
  lv.count = 0;
  list_view_fix(&lv);
  CHECK_INT(lv.sel, -1);
}

static void test_wheel_and_click(void) {
  struct list_view lv = lv_new(30, 10);
  CHECK(list_view_wheel(&lv, 1)); /* a notch: three rows */
  CHECK_INT(lv.sel, 3);
  CHECK(list_view_wheel(&lv, -1));
  CHECK_INT(lv.sel, 0);
  CHECK(!list_view_wheel(&lv, -1));
  CHECK(list_view_click(&lv, 4)); /* the fifth row shown */
  CHECK_INT(lv.sel, 4);
  CHECK(!list_view_click(&lv, 10)); /* below the rows */
  CHECK(!list_view_click(&lv, -1));
  CHECK_INT(lv.sel, 4);
  struct list_view few = lv_new(2, 10);
  CHECK(!list_view_click(&few, 5)); /* past the last row */
  CHECK_INT(few.sel, 0);
}

static void test_row_role(void) {
  CHECK_INT(list_row_role(true, true, ROLE_NORMAL), ROLE_SELECTED);
  CHECK_INT(list_row_role(true, false, ROLE_NORMAL), ROLE_SELECTED_INACTIVE);
  CHECK_INT(list_row_role(false, true, ROLE_MUTED), ROLE_MUTED);
  CHECK_INT(list_row_role(false, false, ROLE_ACCENT), ROLE_ACCENT);
}

int main(void) {
  test_paging();
  test_resize_keeps_selection();
  test_wheel_and_click();
  test_row_role();
  return check_done("test_list_view");
}
