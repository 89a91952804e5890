/* hearth-call-tree-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-call-tree-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hearth-call-tree-view.h"

#include "hearth-annotation-text.h"
#include "hearth-csv-writer.h"
#include "hearth-table-export.h"
#include "hearth-node-item.h"
#include "hearth-node-list.h"
#include "hearth-percent-cell.h"
#include "hearth-units.h"

/* The callgraph: GtkTreeListModel (HearthNodeList per expanded node) →
 * GtkSortListModel with a GtkTreeListRowSorter wrapping the column view's
 * sorter (children stay under their parents) → GtkSingleSelection →
 * GtkColumnView. A search filters the tree to the paths that lead to a match,
 * using the document's per-node visibility bytes. */

/* Above this many nodes, sorting runs incrementally so the UI stays live */
#define INCREMENTAL_SORT_NODES 50000

typedef enum
{
  CELL_NAME,
  CELL_LOCATION,
  CELL_TOTAL,
  CELL_SELF,
  CELL_CALLS,
  CELL_PERCENT,
} CellKind;

struct _HearthCallTreeView
{
  GtkWidget            parent_instance;

  HearthDocument      *document;

  GtkTreeListModel    *tree_model;
  GtkSingleSelection  *selection;
  GHashTable          *bound_items;   /* GtkListItem set: cells to re-render */
  GtkWidget           *context_popover;

  /* template children */
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *location_column;
  GtkColumnViewColumn  *total_column;
  GtkColumnViewColumn  *self_column;
  GtkColumnViewColumn  *calls_column;
  GtkColumnViewColumn  *percent_column;
  GMenuModel           *context_menu;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthCallTreeView, hearth_call_tree_view, GTK_TYPE_WIDGET)

/* What create_children needs, owned by the tree model so that it never
 * reaches back into the widget */
typedef struct
{
  HearthProfile *profile;
  HearthMetric   metric;
  GBytes        *visible;
} ChildrenContext;

static void
children_context_free (gpointer data)
{
  ChildrenContext *ctx = data;

  g_clear_object (&ctx->profile);
  g_clear_pointer (&ctx->visible, g_bytes_unref);
  g_free (ctx);
}

static GListModel *
hearth_call_tree_view_create_children_cb (gpointer item,
                                          gpointer user_data)
{
  ChildrenContext *ctx = user_data;
  HearthNodeList *children;
  guint node = hearth_node_item_get_node (HEARTH_NODE_ITEM (item));

  if (hearth_profile_node_get_n_children (ctx->profile, node) == 0)
    return NULL;

  children = hearth_node_list_new_filtered (ctx->profile, node, ctx->metric, ctx->visible);
  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    {
      g_object_unref (children);
      return NULL;
    }

  return G_LIST_MODEL (children);
}

static GtkTreeListRow *
hearth_call_tree_view_get_selected_row (HearthCallTreeView *self)
{
  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

static guint
hearth_call_tree_view_find_row (HearthCallTreeView *self,
                                GtkTreeListRow     *row)
{
  GListModel *model;
  guint n;

  if (self->selection == NULL || row == NULL)
    return GTK_INVALID_LIST_POSITION;

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == (GObject *) row)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
hearth_call_tree_view_get_list_view (HearthCallTreeView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

static void
hearth_call_tree_view_select_position (HearthCallTreeView *self,
                                       guint               position)
{
  GtkWidget *list_view;

  if (self->selection == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);

  /* GTK 4.8 has no gtk_column_view_scroll_to(): use the list's own action */
  list_view = hearth_call_tree_view_get_list_view (self);
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

static void
hearth_call_tree_view_select_row (HearthCallTreeView *self,
                                  GtkTreeListRow     *row)
{
  hearth_call_tree_view_select_position (self, hearth_call_tree_view_find_row (self, row));
}

/* Cells */

/* Sets the name: root labels bold, search matches bold in the accent colour,
 * the ` <native>` / ` <plugin>` suffix dimmed */
static void
hearth_call_tree_view_render_name (HearthCallTreeView *self,
                                   GtkWidget          *widget,
                                   HearthNodeItem     *item)
{
  HearthProfile *profile = hearth_node_item_get_profile (item);
  guint function = hearth_node_item_get_function (item);
  g_autofree char *name = hearth_node_item_dup_name (item);
  g_autofree char *base = NULL;
  g_autofree char *suffix = NULL;
  const char *raw_name;
  gsize base_len;
  GString *markup;

  /* split "updateTargets <native>" into the name and a dimmed suffix */
  raw_name = hearth_profile_function_get_name (profile, function);
  if (raw_name == NULL || raw_name[0] == '\0')
    raw_name = "<anonymous>";
  base_len = strlen (raw_name);
  if (!g_str_has_prefix (name, raw_name))
    base_len = strlen (name);
  base = g_markup_escape_text (name, base_len);
  suffix = g_markup_escape_text (name + base_len, -1);

  markup = g_string_new (NULL);

  if (self->document != NULL &&
      hearth_document_has_search (self->document) &&
      hearth_document_function_matches (self->document, function))
    {
      /* the accent colour comes from the "accent" style class, so it
       * follows dark mode */
      g_string_append_printf (markup, "<b>%s</b>", base);
      gtk_widget_add_css_class (widget, "accent");
    }
  else
    {
      if (hearth_node_item_is_root_label (item))
        g_string_append_printf (markup, "<b>%s</b>", base);
      else
        g_string_append (markup, base);
      gtk_widget_remove_css_class (widget, "accent");
    }

  if (suffix[0] != '\0')
    g_string_append_printf (markup, "<span alpha=\"55%%\">%s</span>", suffix);

  gtk_inscription_set_markup (GTK_INSCRIPTION (widget), markup->str);
  g_string_free (markup, TRUE);
}

static char *
hearth_call_tree_view_dup_tooltip (HearthCallTreeView *self,
                                   HearthNodeItem     *item)
{
  g_autofree char *name = hearth_node_item_dup_name (item);
  g_autofree char *location = hearth_node_item_dup_location (item);
  g_autofree char *total = hearth_document_format_value (self->document, hearth_node_item_get_total (item));
  g_autofree char *self_value = hearth_document_format_value (self->document, hearth_node_item_get_self (item));
  GString *str = g_string_new (name);

  if (location[0] != '\0' && !g_str_equal (location, name))
    g_string_append_printf (str, "\n%s", location);
  g_string_append_c (str, '\n');
  g_string_append_printf (str, _("Total: %s"), total);
  g_string_append_c (str, '\n');
  g_string_append_printf (str, _("Self: %s"), self_value);

  /* MicroProfiler labels and counters of the node's own scope */
  if (hearth_profile_has_annotations (hearth_node_item_get_profile (item)))
    {
      HearthProfile *profile = hearth_node_item_get_profile (item);
      gboolean partial = hearth_annotation_text_is_partial (profile,
                                                            hearth_document_get_display_factor (self->document));
      g_autofree char *annotations = hearth_annotation_text_dup_node (profile, hearth_node_item_get_node (item),
                                                                     partial);

      if (annotations != NULL)
        g_string_append_printf (str, "\n%s", annotations);
    }

  return g_string_free (str, FALSE);
}

static void
hearth_call_tree_view_render_cell (HearthCallTreeView *self,
                                   GtkListItem        *list_item)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "hearth-cell-kind"));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autoptr(HearthNodeItem) item = NULL;
  g_autofree char *text = NULL;

  if (row == NULL || child == NULL || self->document == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  if (item == NULL)
    return;

  switch (kind)
    {
    case CELL_NAME:
      {
        g_autofree char *tooltip = hearth_call_tree_view_dup_tooltip (self, item);

        hearth_call_tree_view_render_name (self, gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child)), item);
        gtk_widget_set_tooltip_text (child, tooltip);
      }
      break;

    case CELL_LOCATION:
      /* no source: the location would only repeat the name */
      {
        const char *source = hearth_profile_function_get_source (hearth_node_item_get_profile (item),
                                                                 hearth_node_item_get_function (item));

        text = source && source[0] ? hearth_node_item_dup_location (item) : g_strdup ("");
      }
      gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
      gtk_widget_set_tooltip_text (child, text[0] != '\0' ? text : NULL);
      break;

    case CELL_TOTAL:
      text = hearth_document_format_value (self->document, hearth_node_item_get_total (item));
      gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
      break;

    case CELL_SELF:
      text = hearth_document_format_value (self->document, hearth_node_item_get_self (item));
      gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
      break;

    case CELL_CALLS:
      /* threads and categories are labels: they are never called */
      if (!hearth_node_item_is_root_label (item))
        text = hearth_format_value (HEARTH_METRIC_CALLS,
                                    hearth_node_item_get_calls (item) *
                                    hearth_document_get_display_factor (self->document),
                                    HEARTH_UNIT_MS, 0);
      gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
      break;

    case CELL_PERCENT:
      hearth_percent_cell_set_percent (HEARTH_PERCENT_CELL (child), hearth_node_item_get_percent (item));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
hearth_call_tree_view_rerender (HearthCallTreeView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    hearth_call_tree_view_render_cell (self, GTK_LIST_ITEM (key));
}

static void
hearth_call_tree_view_setup_cb (GtkSignalListItemFactory *factory,
                                GObject                  *object,
                                HearthCallTreeView       *self)
{
  GtkListItem *list_item = GTK_LIST_ITEM (object);
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "hearth-cell-kind"));
  GtkWidget *child;

  g_object_set_data (object, "hearth-cell-kind", GINT_TO_POINTER (kind));

  switch (kind)
    {
    case CELL_NAME:
      {
        GtkWidget *label = gtk_inscription_new (NULL);

        gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
        gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 10);
        gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 40);
        gtk_widget_set_hexpand (label, TRUE);
        child = gtk_tree_expander_new ();
        gtk_tree_expander_set_indent_for_icon (GTK_TREE_EXPANDER (child), TRUE);
        gtk_tree_expander_set_child (GTK_TREE_EXPANDER (child), label);
      }
      break;

    case CELL_LOCATION:
      child = gtk_inscription_new (NULL);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (child), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_START);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (child), 6);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (child), 24);
      gtk_widget_add_css_class (child, "dim-label");
      break;

    case CELL_TOTAL:
    case CELL_SELF:
    case CELL_CALLS:
      child = gtk_inscription_new (NULL);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (child), 1.0);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (child), 8);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (child), 12);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case CELL_PERCENT:
      child = hearth_percent_cell_new ();
      break;

    default:
      g_assert_not_reached ();
    }

  /* lets the context menu find the row under the pointer */
  g_object_set_data (G_OBJECT (child), "hearth-list-item", list_item);
  gtk_list_item_set_child (list_item, child);
}

static void
hearth_call_tree_view_bind_cb (GtkSignalListItemFactory *factory,
                               GObject                  *object,
                               HearthCallTreeView       *self)
{
  GtkListItem *list_item = GTK_LIST_ITEM (object);
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (object, "hearth-cell-kind"));

  if (kind == CELL_NAME)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)),
                                    gtk_list_item_get_item (list_item));

  g_hash_table_add (self->bound_items, list_item);
  hearth_call_tree_view_render_cell (self, list_item);
}

static void
hearth_call_tree_view_unbind_cb (GtkSignalListItemFactory *factory,
                                 GObject                  *object,
                                 HearthCallTreeView       *self)
{
  GtkListItem *list_item = GTK_LIST_ITEM (object);
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (object, "hearth-cell-kind"));

  if (kind == CELL_NAME)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);

  g_hash_table_remove (self->bound_items, list_item);
}

static void
hearth_call_tree_view_teardown_cb (GtkSignalListItemFactory *factory,
                                   GObject                  *object,
                                   HearthCallTreeView       *self)
{
  g_hash_table_remove (self->bound_items, object);
}

static void
hearth_call_tree_view_set_factory (HearthCallTreeView  *self,
                                   GtkColumnViewColumn *column,
                                   CellKind             kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "hearth-cell-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (hearth_call_tree_view_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (hearth_call_tree_view_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (hearth_call_tree_view_unbind_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (hearth_call_tree_view_teardown_cb), self, 0);
  gtk_column_view_column_set_factory (column, factory);
}

/* Model */

/* GTK 4.8 keeps reserving the fixed width of a hidden column: only give
 * the Calls column a width while it is shown */
static void
set_calls_visible (GtkColumnViewColumn *column,
                   gboolean             visible)
{
  gtk_column_view_column_set_fixed_width (column, visible ? 90 : -1);
  gtk_column_view_column_set_visible (column, visible);
}

static void
hearth_call_tree_view_update_actions (HearthCallTreeView *self)
{
  gboolean has_rows = self->selection != NULL &&
                      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0;
  gboolean has_selection = hearth_call_tree_view_get_selected_row (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.expand-heaviest", has_rows);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.expand-all", has_rows);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.collapse-all", has_rows);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.copy-name", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.copy-location", has_selection);
}

static void
hearth_call_tree_view_selection_changed_cb (HearthCallTreeView *self)
{
  hearth_call_tree_view_update_actions (self);
}

/* The column view's sorter, then the name: equal totals keep a stable,
 * readable order (the one hearth-cli uses) */
static GtkSorter *
hearth_call_tree_view_dup_sorter (HearthCallTreeView *self)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkStringSorter *by_name;

  by_name = gtk_string_sorter_new (gtk_property_expression_new (HEARTH_TYPE_NODE_ITEM, NULL, "name"));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (sorter, GTK_SORTER (by_name));

  return GTK_SORTER (sorter);
}

static void
hearth_call_tree_view_rebuild (HearthCallTreeView *self,
                               gboolean            expand_all)
{
  HearthProfile *profile = self->document ? hearth_document_get_profile (self->document) : NULL;
  g_autoptr(HearthNodeList) roots = NULL;
  GtkTreeListRowSorter *row_sorter;
  GtkSortListModel *sorted;
  ChildrenContext *ctx;
  gboolean searching;
  guint n_roots;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  gtk_column_view_set_model (self->column_view, NULL);

  if (profile == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "tree");
      hearth_call_tree_view_update_actions (self);
      return;
    }

  set_calls_visible (self->calls_column, hearth_profile_has_metric (profile, HEARTH_METRIC_CALLS));

  ctx = g_new0 (ChildrenContext, 1);
  ctx->profile = g_object_ref (profile);
  ctx->metric = hearth_document_get_metric (self->document);
  ctx->visible = hearth_document_get_visible_nodes (self->document);
  if (ctx->visible != NULL)
    g_bytes_ref (ctx->visible);
  searching = ctx->visible != NULL;

  roots = hearth_node_list_new_filtered (profile, 0, ctx->metric, ctx->visible);
  n_roots = g_list_model_get_n_items (G_LIST_MODEL (roots));

  /* autoexpand expands every row as the model creates it: a search shows
   * every path to a match at once. Switched off afterwards so that rows the
   * user expands later open one level only. */
  self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (roots)),
                                              FALSE,
                                              expand_all || searching,
                                              hearth_call_tree_view_create_children_cb,
                                              ctx, children_context_free);
  gtk_tree_list_model_set_autoexpand (self->tree_model, FALSE);

  if (!expand_all && !searching)
    {
      for (guint i = 0; i < n_roots; i++)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i);

          if (row != NULL)
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }

  row_sorter = gtk_tree_list_row_sorter_new (hearth_call_tree_view_dup_sorter (self));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->tree_model)), GTK_SORTER (row_sorter));
  gtk_sort_list_model_set_incremental (sorted, hearth_profile_get_n_nodes (profile) > INCREMENTAL_SORT_NODES);

  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (hearth_call_tree_view_selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  if (n_roots == 0)
    gtk_stack_set_visible_child_name (self->stack, searching ? "no-matches" : "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "tree");

  hearth_call_tree_view_update_actions (self);
}

static void
hearth_call_tree_view_document_changed_cb (HearthCallTreeView *self)
{
  hearth_call_tree_view_rebuild (self, FALSE);
}

/* Actions */

static void
hearth_call_tree_view_expand_heaviest (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  HearthCallTreeView *self = HEARTH_CALL_TREE_VIEW (widget);
  g_autoptr(GtkTreeListRow) row = NULL;
  GtkTreeListRow *selected;

  if (self->tree_model == NULL)
    return;

  selected = hearth_call_tree_view_get_selected_row (self);
  if (selected != NULL)
    row = g_object_ref (selected);
  else
    {
      /* from the top: the heaviest tree root */
      GListModel *roots = gtk_tree_list_model_get_model (self->tree_model);
      guint n = g_list_model_get_n_items (roots);
      double best = -G_MAXDOUBLE;
      guint best_index = 0;

      if (n == 0)
        return;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HearthNodeItem) item = g_list_model_get_item (roots, i);

          if (hearth_node_item_get_total (item) > best)
            {
              best = hearth_node_item_get_total (item);
              best_index = i;
            }
        }
      row = gtk_tree_list_model_get_child_row (self->tree_model, best_index);
    }

  while (row != NULL && gtk_tree_list_row_is_expandable (row))
    {
      GListModel *children;
      double best = -G_MAXDOUBLE;
      guint best_index = 0;
      guint n;

      gtk_tree_list_row_set_expanded (row, TRUE);
      children = gtk_tree_list_row_get_children (row);
      n = children ? g_list_model_get_n_items (children) : 0;
      if (n == 0)
        break;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HearthNodeItem) item = g_list_model_get_item (children, i);

          if (hearth_node_item_get_total (item) > best)
            {
              best = hearth_node_item_get_total (item);
              best_index = i;
            }
        }

      {
        GtkTreeListRow *child = gtk_tree_list_row_get_child_row (row, best_index);

        g_object_unref (row);
        row = child;
      }
    }

  if (row != NULL)
    hearth_call_tree_view_select_row (self, row);
}

static void
hearth_call_tree_view_expand_all (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  hearth_call_tree_view_rebuild (HEARTH_CALL_TREE_VIEW (widget), TRUE);
}

static void
hearth_call_tree_view_collapse_all (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  HearthCallTreeView *self = HEARTH_CALL_TREE_VIEW (widget);
  guint n;

  if (self->tree_model == NULL)
    return;

  /* collapsing a row drops the expansion state of everything below it */
  n = g_list_model_get_n_items (gtk_tree_list_model_get_model (self->tree_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i);

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, FALSE);
    }
}

static void
hearth_call_tree_view_copy (HearthCallTreeView *self,
                            gboolean            location)
{
  GtkTreeListRow *row = hearth_call_tree_view_get_selected_row (self);
  g_autoptr(HearthNodeItem) item = NULL;
  g_autofree char *text = NULL;

  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  text = location ? hearth_node_item_dup_location (item) : hearth_node_item_dup_name (item);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
hearth_call_tree_view_copy_name (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  hearth_call_tree_view_copy (HEARTH_CALL_TREE_VIEW (widget), FALSE);
}

static void
hearth_call_tree_view_copy_location (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  hearth_call_tree_view_copy (HEARTH_CALL_TREE_VIEW (widget), TRUE);
}

/* Left collapses the selected row, or moves to its parent; Right expands it,
 * or moves to its first child. */
static void
hearth_call_tree_view_collapse_row (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  HearthCallTreeView *self = HEARTH_CALL_TREE_VIEW (widget);
  GtkTreeListRow *row = hearth_call_tree_view_get_selected_row (self);

  if (row == NULL)
    return;

  if (gtk_tree_list_row_is_expandable (row) && gtk_tree_list_row_get_expanded (row))
    gtk_tree_list_row_set_expanded (row, FALSE);
  else
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      if (parent != NULL)
        hearth_call_tree_view_select_row (self, parent);
    }
}

static void
hearth_call_tree_view_expand_row (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  HearthCallTreeView *self = HEARTH_CALL_TREE_VIEW (widget);
  GtkTreeListRow *row = hearth_call_tree_view_get_selected_row (self);

  if (row == NULL || !gtk_tree_list_row_is_expandable (row))
    return;

  if (!gtk_tree_list_row_get_expanded (row))
    gtk_tree_list_row_set_expanded (row, TRUE);
  else
    /* children come right after their parent whatever the sort order */
    hearth_call_tree_view_select_position (self, gtk_single_selection_get_selected (self->selection) + 1);
}

static void
hearth_call_tree_view_activate_cb (HearthCallTreeView *self,
                                   guint               position,
                                   GtkColumnView      *column_view)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (self->selection == NULL)
    return;

  row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static gboolean
hearth_call_tree_view_key_pressed_cb (HearthCallTreeView    *self,
                                      guint                  keyval,
                                      guint                  keycode,
                                      GdkModifierType        state,
                                      GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;

  /* only while the table has the keyboard */
  if (focus == NULL ||
      !(focus == GTK_WIDGET (self->column_view) ||
        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view))))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      gtk_widget_activate_action (GTK_WIDGET (self), "tree.collapse-row", NULL);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      gtk_widget_activate_action (GTK_WIDGET (self), "tree.expand-row", NULL);
      return TRUE;

    default:
      return FALSE;
    }
}

static GtkListItem *
find_list_item (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);
      GtkListItem *list_item = g_object_get_data (G_OBJECT (w), "hearth-list-item");

      if (list_item != NULL)
        return list_item;
      /* the cell's padding picks the cell itself, which holds our widget */
      if (child != NULL && (list_item = g_object_get_data (G_OBJECT (child), "hearth-list-item")))
        return list_item;
    }

  return NULL;
}

static void
hearth_call_tree_view_context_pressed_cb (HearthCallTreeView *self,
                                          int                 n_press,
                                          double              x,
                                          double              y,
                                          GtkGestureClick    *gesture)
{
  GtkWidget *picked;
  GtkListItem *list_item;
  double vx, vy;

  picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  list_item = picked ? find_list_item (picked) : NULL;
  if (list_item != NULL && gtk_list_item_get_item (list_item) != NULL)
    gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));

  if (self->context_popover == NULL)
    {
      self->context_popover = gtk_popover_menu_new_from_model (self->context_menu);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
      gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self));
    }

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self), x, y, &vx, &vy))
    vx = x, vy = y;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover),
                               &(GdkRectangle) { (int) vx, (int) vy, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_popover));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* GObject */

static void
hearth_call_tree_view_dispose (GObject *object)
{
  HearthCallTreeView *self = HEARTH_CALL_TREE_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_CALL_TREE_VIEW);

  G_OBJECT_CLASS (hearth_call_tree_view_parent_class)->dispose (object);
}

static void
hearth_call_tree_view_finalize (GObject *object)
{
  HearthCallTreeView *self = HEARTH_CALL_TREE_VIEW (object);

  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (hearth_call_tree_view_parent_class)->finalize (object);
}

static void
hearth_call_tree_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HearthCallTreeView *self = HEARTH_CALL_TREE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, hearth_call_tree_view_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_call_tree_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HearthCallTreeView *self = HEARTH_CALL_TREE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_call_tree_view_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_call_tree_view_class_init (HearthCallTreeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_call_tree_view_dispose;
  object_class->finalize = hearth_call_tree_view_finalize;
  object_class->get_property = hearth_call_tree_view_get_property;
  object_class->set_property = hearth_call_tree_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HEARTH_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HEARTH_TYPE_NODE_ITEM);
  g_type_ensure (HEARTH_TYPE_PERCENT_CELL);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-call-tree-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, name_column);
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, location_column);
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, total_column);
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, self_column);
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, calls_column);
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, percent_column);
  gtk_widget_class_bind_template_child (widget_class, HearthCallTreeView, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, hearth_call_tree_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "tree.expand-heaviest", NULL,
                                   hearth_call_tree_view_expand_heaviest);
  gtk_widget_class_install_action (widget_class, "tree.expand-all", NULL,
                                   hearth_call_tree_view_expand_all);
  gtk_widget_class_install_action (widget_class, "tree.collapse-all", NULL,
                                   hearth_call_tree_view_collapse_all);
  gtk_widget_class_install_action (widget_class, "tree.copy-name", NULL,
                                   hearth_call_tree_view_copy_name);
  gtk_widget_class_install_action (widget_class, "tree.copy-location", NULL,
                                   hearth_call_tree_view_copy_location);
  gtk_widget_class_install_action (widget_class, "tree.expand-row", NULL,
                                   hearth_call_tree_view_expand_row);
  gtk_widget_class_install_action (widget_class, "tree.collapse-row", NULL,
                                   hearth_call_tree_view_collapse_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "calltree");
}

static void
hearth_call_tree_view_init (HearthCallTreeView *self)
{
  GtkEventController *key;
  GtkGesture *click;

  self->bound_items = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  hearth_call_tree_view_set_factory (self, self->name_column, CELL_NAME);
  hearth_call_tree_view_set_factory (self, self->location_column, CELL_LOCATION);
  hearth_call_tree_view_set_factory (self, self->total_column, CELL_TOTAL);
  hearth_call_tree_view_set_factory (self, self->self_column, CELL_SELF);
  hearth_call_tree_view_set_factory (self, self->calls_column, CELL_CALLS);
  hearth_call_tree_view_set_factory (self, self->percent_column, CELL_PERCENT);

  gtk_column_view_sort_by_column (self->column_view, self->total_column, GTK_SORT_DESCENDING);

  /* capture phase: the list handles arrow keys itself before they bubble */
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed",
                           G_CALLBACK (hearth_call_tree_view_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed",
                           G_CALLBACK (hearth_call_tree_view_context_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  hearth_call_tree_view_update_actions (self);
}

GtkWidget *
hearth_call_tree_view_new (void)
{
  return g_object_new (HEARTH_TYPE_CALL_TREE_VIEW, NULL);
}

/**
 * hearth_call_tree_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document
 */
HearthDocument *
hearth_call_tree_view_get_document (HearthCallTreeView *self)
{
  g_return_val_if_fail (HEARTH_IS_CALL_TREE_VIEW (self), NULL);

  return self->document;
}

void
hearth_call_tree_view_set_document (HearthCallTreeView *self,
                                    HearthDocument     *document)
{
  g_return_if_fail (HEARTH_IS_CALL_TREE_VIEW (self));
  g_return_if_fail (!document || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::profile",
                               G_CALLBACK (hearth_call_tree_view_document_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::metric",
                               G_CALLBACK (hearth_call_tree_view_document_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::search-text",
                               G_CALLBACK (hearth_call_tree_view_document_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::unit",
                               G_CALLBACK (hearth_call_tree_view_rerender),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::average",
                               G_CALLBACK (hearth_call_tree_view_rerender),
                               self, G_CONNECT_SWAPPED);
    }

  hearth_call_tree_view_rebuild (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * hearth_call_tree_view_get_column_view:
 *
 * Returns: (transfer none): the table, for tests and the window's key handling
 */
GtkColumnView *
hearth_call_tree_view_get_column_view (HearthCallTreeView *self)
{
  g_return_val_if_fail (HEARTH_IS_CALL_TREE_VIEW (self), NULL);

  return self->column_view;
}

/**
 * hearth_call_tree_view_dup_table:
 * @separator: ',' for CSV, '\t' for TSV
 *
 * The whole call tree (not only the expanded rows), in the `hearth-cli tree`
 * layout: `depth,path,name,source,line,total_ms,self_ms,calls` (plus the
 * memory columns when the capture has them), depth first, children by
 * descending CPU time, depth 0 for the tree roots. Values are multiplied by
 * the document's average factor. An active search leaves out the nodes it
 * hides.
 *
 * Returns: (transfer full): the table
 */
char *
hearth_call_tree_view_dup_table (HearthCallTreeView *self,
                                 char                separator)
{
  g_autoptr(HearthCsvWriter) writer = NULL;
  HearthProfile *profile;
  const guint8 *visible = NULL;

  g_return_val_if_fail (HEARTH_IS_CALL_TREE_VIEW (self), NULL);

  profile = self->document ? hearth_document_get_profile (self->document) : NULL;
  writer = hearth_csv_writer_new (separator);
  if (profile == NULL)
    {
      static const char * const columns[] = {
        "depth", "path", "name", "source", "line", "total_ms", "self_ms", "calls",
      };

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        hearth_csv_writer_add_field (writer, columns[i]);
      hearth_csv_writer_end_row (writer);
      return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
    }

  /* Same rows as `hearth-cli tree`, less what the search hides */
  if (hearth_document_get_visible_nodes (self->document) != NULL)
    visible = g_bytes_get_data (hearth_document_get_visible_nodes (self->document), NULL);
  hearth_table_write_tree_header (writer, profile);
  hearth_table_write_tree (writer, profile, visible,
                           hearth_document_get_display_factor (self->document));

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}

/**
 * hearth_call_tree_view_get_table_name:
 *
 * Returns: "callgraph", the base of exported file names
 */
const char *
hearth_call_tree_view_get_table_name (HearthCallTreeView *self)
{
  g_return_val_if_fail (HEARTH_IS_CALL_TREE_VIEW (self), NULL);

  return "callgraph";
}
