/* hearth-callers-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-callers-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hearth-callers-view.h"

#include "hearth-call-graph.h"
#include "hearth-csv-writer.h"
#include "hearth-index-item.h"
#include "hearth-lua-report-reader.h"
#include "hearth-percent-cell.h"
#include "hearth-profile-labels.h"
#include "hearth-units.h"

/* The caller/callee pane. For the document's selected-function it shows the
 * function's figures and two tables read from the profile's caller → callee
 * graph (hearth_call_graph_get_for_profile(): read from profiler.lua
 * reports, derived from the call tree for every other format):
 *
 *   Callers: one row per edge caller → selected, Callees: selected → callee;
 *   columns function, count (samples or calls), edge time, % of the selected
 *   function's total. Activating a row selects that function, so the user
 *   walks the graph.
 *
 * "Merge Duplicate Names" (the boolean property merge-duplicates, exposed as
 * the stateful action callers.merge-duplicates): when on, every profiler.lua
 * capture of the document is replaced by hearth_lua_merge_by_name() of it;
 * when off, the original captures come back. The originals are kept here,
 * the merged profiles are cached per original. Captures opened or closed
 * while merging is on are taken into account (new Lua captures are merged
 * too). The document itself is unchanged. */

typedef enum
{
  CELL_NAME,
  CELL_COUNT,
  CELL_TIME,
  CELL_PERCENT,
  N_CELLS
} CellKind;

typedef enum
{
  TABLE_CALLERS,
  TABLE_CALLEES,
  N_TABLES
} TableKind;

typedef struct
{
  HearthCallersView *self;
  TableKind          table;
  CellKind           cell;
} ColumnInfo;

struct _HearthCallersView
{
  GtkWidget            parent_instance;

  HearthDocument      *document;
  HearthProfile       *profile;
  HearthCallGraph     *graph;
  guint                function;

  GListStore          *stores[N_TABLES];
  GtkSortListModel    *sorted[N_TABLES];
  GtkColumnViewColumn *columns[N_TABLES][N_CELLS];
  GHashTable          *bound_items;   /* GtkListItem set: cells to re-render */

  /* Merge Duplicate Names */
  GPtrArray           *originals;     /* the captures as opened, while merging */
  GHashTable          *merged_cache;  /* original HearthProfile → merged one */
  guint                reapply_id;

  /* template children */
  GtkStack            *stack;
  GtkLabel            *name_label;
  GtkLabel            *location_label;
  GtkLabel            *figures_label;
  GtkToggleButton     *merge_button;
  GtkLabel            *callers_title;
  GtkLabel            *callees_title;
  GtkStack            *callers_stack;
  GtkStack            *callees_stack;
  GtkColumnView       *callers_view;
  GtkColumnView       *callees_view;

  guint                merge_duplicates : 1;
  guint                replacing : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MERGE_DUPLICATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthCallersView, hearth_callers_view, GTK_TYPE_WIDGET)

static const HearthCallEdge *
item_get_edge (HearthCallersView *self,
               gpointer           item)
{
  guint index = hearth_index_item_get_index (HEARTH_INDEX_ITEM (item));

  if (self->graph == NULL || index >= hearth_call_graph_get_n_edges (self->graph))
    return NULL;

  return hearth_call_graph_get_edge (self->graph, index);
}

static guint
edge_get_other (const HearthCallEdge *edge,
                TableKind             table)
{
  return table == TABLE_CALLERS ? edge->caller : edge->callee;
}

/* Edge and function times are ns of CPU time, whatever metric the document
 * shows: formatted in the document's unit (ms or % of <root>) and average */
static char *
hearth_callers_view_format_time (HearthCallersView *self,
                                 double             ns)
{
  double factor = hearth_document_get_display_factor (self->document);

  return hearth_format_value (HEARTH_METRIC_CPU_TIME,
                              ns * factor,
                              hearth_document_get_unit (self->document),
                              hearth_profile_get_root_total (self->profile, HEARTH_METRIC_CPU_TIME) * factor);
}

static char *
format_count (double count)
{
  return hearth_format_value (HEARTH_METRIC_CALLS, count, HEARTH_UNIT_MS, 0);
}

static double
hearth_callers_view_get_percent (HearthCallersView    *self,
                                 const HearthCallEdge *edge)
{
  double total = hearth_call_graph_function_get_total (self->graph, self->function);

  if (total <= 0)
    return 0;
  return 100.0 * edge->time / total;
}

/* Sorting */

static double
edge_get_value (HearthCallersView    *self,
                const HearthCallEdge *edge,
                CellKind              cell)
{
  switch (cell)
    {
    case CELL_COUNT:
      return edge->count;

    case CELL_TIME:
    case CELL_PERCENT:
      return edge->time;

    case CELL_NAME:
    case N_CELLS:
    default:
      return 0;
    }
}

static int
hearth_callers_view_compare (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  const ColumnInfo *info = user_data;
  HearthCallersView *self = info->self;
  const HearthCallEdge *ea = item_get_edge (self, (gpointer) a);
  const HearthCallEdge *eb = item_get_edge (self, (gpointer) b);

  if (ea == NULL || eb == NULL)
    return (ea != NULL) - (eb != NULL);

  if (info->cell == CELL_NAME)
    {
      g_autofree char *na = hearth_profile_function_dup_display_name (self->profile, edge_get_other (ea, info->table));
      g_autofree char *nb = hearth_profile_function_dup_display_name (self->profile, edge_get_other (eb, info->table));
      int cmp = g_utf8_collate (na ? na : "", nb ? nb : "");

      if (cmp != 0)
        return cmp < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      return GTK_ORDERING_EQUAL;
    }
  else
    {
      double va = edge_get_value (self, ea, info->cell);
      double vb = edge_get_value (self, eb, info->cell);

      if (va != vb)
        return va < vb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
      return GTK_ORDERING_EQUAL;
    }
}

/* Cells */

/* The name and the dim second part of a name cell: the location, and a
 * note for ambiguous edges */
static char *
hearth_callers_view_dup_name (HearthCallersView    *self,
                              const HearthCallEdge *edge,
                              TableKind             table,
                              char                **second,
                              char                **tooltip)
{
  guint function = edge_get_other (edge, table);
  char *name = hearth_profile_function_dup_display_name (self->profile, function);
  g_autofree char *location = hearth_profile_function_dup_location (self->profile, function);
  g_autofree char *time = hearth_callers_view_format_time (self, edge->time);
  g_autofree char *count = format_count (edge->count);
  const char *count_label = hearth_profile_get_count_label (self->profile);
  gboolean has_location = location != NULL && g_strcmp0 (location, name) != 0;
  GString *dim = g_string_new (has_location ? location : NULL);
  GString *tip = g_string_new (name);

  if (has_location)
    g_string_append_printf (tip, "\n%s", location);
  if (edge->ambiguous)
    {
      if (dim->len > 0)
        g_string_append_c (dim, ' ');
      g_string_append (dim, _("(ambiguous)"));
    }

  g_string_append_c (tip, '\n');
  if (count_label != NULL)
    g_string_append_printf (tip, "%s: %s, ", count_label, count);
  g_string_append_printf (tip, _("Time: %s"), time);
  if (edge->ambiguous)
    {
      g_string_append_c (tip, '\n');
      g_string_append (tip, _("The report has several functions of this name; "
                              "the edge was attached to the first one"));
    }

  *second = g_string_free (dim, FALSE);
  *tooltip = g_string_free (tip, FALSE);
  return name;
}

static void
hearth_callers_view_render_cell (HearthCallersView *self,
                                 GtkListItem       *list_item)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (list_item), "hearth-column");
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  const HearthCallEdge *edge;
  g_autofree char *text = NULL;

  if (info == NULL || item == NULL || child == NULL || self->document == NULL || self->profile == NULL)
    return;

  edge = item_get_edge (self, item);
  if (edge == NULL)
    return;

  switch (info->cell)
    {
    case CELL_NAME:
      {
        g_autofree char *tooltip = NULL;

        g_autofree char *location = NULL;

        text = hearth_callers_view_dup_name (self, edge, info->table, &location, &tooltip);
        gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (child)), text);
        gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (child)), location);
        gtk_widget_set_tooltip_text (child, tooltip);
      }
      return;

    case CELL_COUNT:
      text = format_count (edge->count);
      break;

    case CELL_TIME:
      text = hearth_callers_view_format_time (self, edge->time);
      break;

    case CELL_PERCENT:
      hearth_percent_cell_set_percent (HEARTH_PERCENT_CELL (child),
                                       hearth_callers_view_get_percent (self, edge));
      return;

    case N_CELLS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
hearth_callers_view_rerender (HearthCallersView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    hearth_callers_view_render_cell (self, GTK_LIST_ITEM (key));
}

static void
hearth_callers_view_setup_cb (GtkSignalListItemFactory *factory,
                              GObject                  *object,
                              ColumnInfo               *info)
{
  GtkWidget *child;

  g_object_set_data (object, "hearth-column", info);

  if (info->cell == CELL_PERCENT)
    {
      child = hearth_percent_cell_new ();
    }
  else if (info->cell == CELL_NAME)
    {
      GtkWidget *name = gtk_label_new (NULL);
      GtkWidget *location = gtk_label_new (NULL);

      /* labels size to their text (these tables are short): the name
       * first, the location keeps its end (file and line) */
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 6);
      gtk_label_set_xalign (GTK_LABEL (location), 0);
      gtk_label_set_ellipsize (GTK_LABEL (location), PANGO_ELLIPSIZE_START);
      gtk_label_set_width_chars (GTK_LABEL (location), 4);
      gtk_widget_set_hexpand (location, TRUE);
      gtk_widget_add_css_class (location, "dim-label");
      gtk_box_append (GTK_BOX (child), name);
      gtk_box_append (GTK_BOX (child), location);
    }
  else
    {
      GtkInscription *inscription;

      child = gtk_inscription_new (NULL);
      inscription = GTK_INSCRIPTION (child);
      gtk_inscription_set_xalign (inscription, 1.0);
      gtk_inscription_set_min_chars (inscription, 5);
      gtk_inscription_set_nat_chars (inscription, 10);
      gtk_widget_add_css_class (child, "numeric");
    }

  gtk_list_item_set_child (GTK_LIST_ITEM (object), child);
}

static void
hearth_callers_view_bind_cb (GtkSignalListItemFactory *factory,
                             GObject                  *object,
                             ColumnInfo               *info)
{
  g_hash_table_add (info->self->bound_items, object);
  hearth_callers_view_render_cell (info->self, GTK_LIST_ITEM (object));
}

static void
hearth_callers_view_unbind_cb (GtkSignalListItemFactory *factory,
                               GObject                  *object,
                               ColumnInfo               *info)
{
  g_hash_table_remove (info->self->bound_items, object);
}

static void
hearth_callers_view_add_column (HearthCallersView *self,
                                TableKind          table,
                                CellKind           cell)
{
  static const int widths[N_CELLS] = { -1, 75, 105, 90 };
  GtkColumnView *view = table == TABLE_CALLERS ? self->callers_view : self->callees_view;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkCustomSorter *sorter;
  ColumnInfo *info = g_new0 (ColumnInfo, 1);

  info->self = self;
  info->table = table;
  info->cell = cell;

  /* the factory owns the info; the sorter borrows it */
  g_object_set_data_full (G_OBJECT (factory), "hearth-column", info, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (hearth_callers_view_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (hearth_callers_view_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (hearth_callers_view_unbind_cb), info);
  g_signal_connect (factory, "teardown", G_CALLBACK (hearth_callers_view_unbind_cb), info);

  column = gtk_column_view_column_new (NULL, g_object_ref (factory));
  sorter = gtk_custom_sorter_new (hearth_callers_view_compare, info, NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (widths[cell] > 0)
    gtk_column_view_column_set_fixed_width (column, widths[cell]);
  else
    gtk_column_view_column_set_expand (column, TRUE);

  gtk_column_view_append_column (view, column);
  self->columns[table][cell] = column;
}

/* Header and tables */

static void
hearth_callers_view_update_titles (HearthCallersView *self)
{
  const char *count_label = self->profile ? hearth_profile_get_count_label (self->profile) : NULL;
  g_autofree char *callers = NULL;
  g_autofree char *callees = NULL;

  for (guint t = 0; t < N_TABLES; t++)
    {
      gtk_column_view_column_set_title (self->columns[t][CELL_NAME], _("Function"));
      gtk_column_view_column_set_title (self->columns[t][CELL_COUNT], count_label ? count_label : _("Count"));
      gtk_column_view_column_set_visible (self->columns[t][CELL_COUNT], count_label != NULL);
      /* GTK 4.8 keeps reserving a hidden column's fixed width */
      gtk_column_view_column_set_fixed_width (self->columns[t][CELL_COUNT], count_label != NULL ? 75 : -1);
      gtk_column_view_column_set_title (self->columns[t][CELL_TIME], _("Time"));
      /* xgettext:no-c-format */
      gtk_column_view_column_set_title (self->columns[t][CELL_PERCENT], _("% of Total"));
    }

  callers = g_strdup_printf (_("Callers (%u)"), g_list_model_get_n_items (G_LIST_MODEL (self->stores[TABLE_CALLERS])));
  callees = g_strdup_printf (_("Callees (%u)"), g_list_model_get_n_items (G_LIST_MODEL (self->stores[TABLE_CALLEES])));
  gtk_label_set_label (self->callers_title, callers);
  gtk_label_set_label (self->callees_title, callees);
}

/**
 * hearth_callers_view_dup_figures:
 *
 * The figures line of the header, as shown: count, total, self, children
 * and per-sample (or per-call) times of the selected function.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when nothing is
 *   selected
 */
char *
hearth_callers_view_dup_figures (HearthCallersView *self)
{
  const char *mode;
  const char *count_label;
  GString *str;
  g_autofree char *total = NULL;
  g_autofree char *self_time = NULL;
  g_autofree char *children = NULL;
  double count;

  g_return_val_if_fail (HEARTH_IS_CALLERS_VIEW (self), NULL);

  if (self->graph == NULL || self->function == HEARTH_NO_INDEX)
    return NULL;

  mode = hearth_profile_get_mode (self->profile);
  count_label = hearth_profile_get_count_label (self->profile);
  count = hearth_call_graph_function_get_count (self->graph, self->function);
  total = hearth_callers_view_format_time (self, hearth_call_graph_function_get_total (self->graph, self->function));
  self_time = hearth_callers_view_format_time (self, hearth_call_graph_function_get_self (self->graph, self->function));
  children = hearth_callers_view_format_time (self, hearth_call_graph_function_get_children (self->graph, self->function));

  str = g_string_new (NULL);
  if (count_label != NULL)
    {
      g_autofree char *count_text = format_count (count);

      /* Translators: "Samples 412" or "Calls 30" */
      g_string_append_printf (str, _("%s %s"), count_label, count_text);
      g_string_append (str, "  ·  ");
    }
  g_string_append_printf (str, _("Total %s"), total);
  g_string_append (str, "  ·  ");
  g_string_append_printf (str, _("Self %s"), self_time);
  g_string_append (str, "  ·  ");
  g_string_append_printf (str, _("Children %s"), children);

  if (count_label != NULL && count > 0)
    {
      double factor = hearth_document_get_display_factor (self->document);
      g_autofree char *per = hearth_format_ms (hearth_call_graph_function_get_total_per_count (self->graph, self->function) * factor / 1e6, 5);
      g_autofree char *self_per = hearth_format_ms (hearth_call_graph_function_get_self_per_count (self->graph, self->function) * factor / 1e6, 5);
      gboolean samples = g_strcmp0 (mode, "time") == 0;

      g_string_append (str, "  ·  ");
      if (samples)
        g_string_append_printf (str, _("%s ms per sample (self %s ms)"), per, self_per);
      else
        g_string_append_printf (str, _("%s ms per call (self %s ms)"), per, self_per);
    }

  return g_string_free (str, FALSE);
}

static void
hearth_callers_view_update_header (HearthCallersView *self)
{
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *figures = NULL;

  if (self->graph == NULL || self->function == HEARTH_NO_INDEX)
    return;

  name = hearth_profile_function_dup_display_name (self->profile, self->function);
  location = hearth_profile_function_dup_location (self->profile, self->function);
  figures = hearth_callers_view_dup_figures (self);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->location_label, g_strcmp0 (location, name) != 0 ? location : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->location_label), location);
  gtk_label_set_label (self->figures_label, figures);
}

static void
fill_store (GListStore    *store,
            const guint32 *edges,
            guint          n_edges)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_edges; i++)
    g_ptr_array_add (items, hearth_index_item_new (edges[i]));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
hearth_callers_view_rebuild (HearthCallersView *self)
{
  HearthProfile *profile = self->document ? hearth_document_get_profile (self->document) : NULL;
  guint function = self->document ? hearth_document_get_selected_function (self->document) : HEARTH_NO_INDEX;
  gboolean show = FALSE;
  const guint32 *edges;
  guint n_edges;

  if (g_set_object (&self->profile, profile))
    {
      g_clear_pointer (&self->graph, hearth_call_graph_unref);
      if (profile != NULL)
        self->graph = hearth_call_graph_ref (hearth_call_graph_get_for_profile (profile));
    }

  if (profile != NULL &&
      function < hearth_profile_get_n_functions (profile) &&
      !hearth_profile_function_is_root_label (profile, function))
    show = TRUE;

  self->function = show ? function : HEARTH_NO_INDEX;

  if (show)
    {
      edges = hearth_call_graph_get_callers (self->graph, function, &n_edges);
      fill_store (self->stores[TABLE_CALLERS], edges, n_edges);
      edges = hearth_call_graph_get_callees (self->graph, function, &n_edges);
      fill_store (self->stores[TABLE_CALLEES], edges, n_edges);
    }
  else
    {
      g_list_store_remove_all (self->stores[TABLE_CALLERS]);
      g_list_store_remove_all (self->stores[TABLE_CALLEES]);
    }

  gtk_stack_set_visible_child_name (self->callers_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->stores[TABLE_CALLERS])) ? "table" : "none");
  gtk_stack_set_visible_child_name (self->callees_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->stores[TABLE_CALLEES])) ? "table" : "none");

  hearth_callers_view_update_titles (self);
  hearth_callers_view_update_header (self);
  hearth_callers_view_rerender (self);
  gtk_stack_set_visible_child_name (self->stack, show ? "graph" : "empty");
}

static void
hearth_callers_view_activate_cb (GtkColumnView     *view,
                                 guint              position,
                                 HearthCallersView *self)
{
  TableKind table = view == self->callers_view ? TABLE_CALLERS : TABLE_CALLEES;
  g_autoptr(GObject) item = NULL;
  const HearthCallEdge *edge;

  if (self->document == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);
  if (item == NULL || (edge = item_get_edge (self, item)) == NULL)
    return;

  hearth_document_set_selected_function (self->document, edge_get_other (edge, table));
}

/* Merge Duplicate Names */

static gboolean
document_has_lua (HearthDocument *document)
{
  GListModel *captures;

  if (document == NULL)
    return FALSE;

  captures = hearth_document_get_captures (document);
  for (guint i = 0; i < g_list_model_get_n_items (captures); i++)
    {
      g_autoptr(HearthProfile) profile = g_list_model_get_item (captures, i);

      if (hearth_profile_is_lua (profile))
        return TRUE;
    }

  return FALSE;
}

static void
hearth_callers_view_update_merge_action (HearthCallersView *self)
{
  gboolean lua = self->merge_duplicates || document_has_lua (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "callers.merge-duplicates", lua);
  gtk_widget_set_visible (GTK_WIDGET (self->merge_button), lua);
}

static HearthProfile *
hearth_callers_view_get_merged (HearthCallersView *self,
                                HearthProfile     *original)
{
  HearthProfile *merged = g_hash_table_lookup (self->merged_cache, original);

  if (merged == NULL)
    {
      merged = hearth_lua_merge_by_name (original);
      g_hash_table_insert (self->merged_cache, g_object_ref (original), merged);
    }

  return merged;
}

static HearthProfile *
hearth_callers_view_find_original (HearthCallersView *self,
                                   HearthProfile     *capture)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->merged_cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value == capture)
      return key;

  return capture;
}

/* The function of @profile that looks like @function of @old (same name,
 * source, line and group), or HEARTH_NO_INDEX */
static guint
find_same_function (HearthProfile *profile,
                    HearthProfile *old,
                    guint          function)
{
  if (profile == NULL || old == NULL || function >= hearth_profile_get_n_functions (old))
    return HEARTH_NO_INDEX;

  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), hearth_profile_function_get_name (old, function)) == 0 &&
        g_strcmp0 (hearth_profile_function_get_source (profile, f), hearth_profile_function_get_source (old, function)) == 0 &&
        hearth_profile_function_get_line (profile, f) == hearth_profile_function_get_line (old, function) &&
        g_strcmp0 (hearth_profile_function_get_group (profile, f), hearth_profile_function_get_group (old, function)) == 0 &&
        hearth_profile_function_get_kind (profile, f) == hearth_profile_function_get_kind (old, function))
      return f;

  return HEARTH_NO_INDEX;
}

/* Puts the originals (merged when merging is on) into the document, keeping
 * the selected function where it still exists */
static void
hearth_callers_view_apply_merge (HearthCallersView *self)
{
  g_autoptr(HearthProfile) old_profile = NULL;
  guint old_function;

  g_clear_handle_id (&self->reapply_id, g_source_remove);

  if (self->document == NULL || self->originals == NULL)
    return;

  old_profile = hearth_document_get_profile (self->document);
  if (old_profile != NULL)
    g_object_ref (old_profile);
  old_function = hearth_document_get_selected_function (self->document);

  self->replacing = TRUE;
  hearth_document_clear (self->document);
  for (guint i = 0; i < self->originals->len; i++)
    {
      HearthProfile *original = g_ptr_array_index (self->originals, i);

      if (self->merge_duplicates && hearth_profile_is_lua (original))
        hearth_document_add_profile (self->document, hearth_callers_view_get_merged (self, original));
      else
        hearth_document_add_profile (self->document, original);
    }
  self->replacing = FALSE;

  hearth_document_set_selected_function (self->document,
                                         find_same_function (hearth_document_get_profile (self->document),
                                                             old_profile, old_function));

  if (!self->merge_duplicates)
    {
      g_clear_pointer (&self->originals, g_ptr_array_unref);
      g_hash_table_remove_all (self->merged_cache);
    }

  hearth_callers_view_update_merge_action (self);
}

static gboolean
hearth_callers_view_reapply_cb (gpointer user_data)
{
  HearthCallersView *self = user_data;

  self->reapply_id = 0;
  hearth_callers_view_apply_merge (self);

  return G_SOURCE_REMOVE;
}

/* Captures opened or closed while merging is on: the originals follow the
 * document, and new Lua captures are merged from an idle (never from inside
 * the document's own signal) */
static void
hearth_callers_view_captures_changed_cb (HearthCallersView *self)
{
  GListModel *captures;
  gboolean unmerged_lua = FALSE;

  hearth_callers_view_update_merge_action (self);

  if (self->replacing || !self->merge_duplicates || self->document == NULL)
    return;

  captures = hearth_document_get_captures (self->document);
  g_clear_pointer (&self->originals, g_ptr_array_unref);
  self->originals = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (captures); i++)
    {
      g_autoptr(HearthProfile) capture = g_list_model_get_item (captures, i);
      HearthProfile *original = hearth_callers_view_find_original (self, capture);

      if (original == capture && hearth_profile_is_lua (capture))
        unmerged_lua = TRUE;
      g_ptr_array_add (self->originals, g_object_ref (original));
    }

  if (unmerged_lua && self->reapply_id == 0)
    self->reapply_id = g_idle_add (hearth_callers_view_reapply_cb, self);
}

gboolean
hearth_callers_view_get_merge_duplicates (HearthCallersView *self)
{
  g_return_val_if_fail (HEARTH_IS_CALLERS_VIEW (self), FALSE);

  return self->merge_duplicates;
}

/**
 * hearth_callers_view_set_merge_duplicates:
 *
 * "Merge Duplicate Names": replaces every profiler.lua capture of the
 * document by hearth_lua_merge_by_name() of it, or puts the originals back.
 */
void
hearth_callers_view_set_merge_duplicates (HearthCallersView *self,
                                          gboolean           merge_duplicates)
{
  g_return_if_fail (HEARTH_IS_CALLERS_VIEW (self));

  merge_duplicates = !!merge_duplicates;
  if (self->merge_duplicates == (guint) merge_duplicates)
    return;

  self->merge_duplicates = merge_duplicates;

  if (merge_duplicates && self->document != NULL && self->originals == NULL)
    {
      GListModel *captures = hearth_document_get_captures (self->document);

      self->originals = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (captures); i++)
        g_ptr_array_add (self->originals, g_list_model_get_item (captures, i));
    }

  hearth_callers_view_apply_merge (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGE_DUPLICATES]);
}

/* GObject */

static void
hearth_callers_view_dispose (GObject *object)
{
  HearthCallersView *self = HEARTH_CALLERS_VIEW (object);

  g_clear_handle_id (&self->reapply_id, g_source_remove);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (hearth_document_get_captures (self->document), self);
    }
  g_clear_object (&self->document);
  g_clear_pointer (&self->originals, g_ptr_array_unref);
  if (self->merged_cache != NULL)
    g_hash_table_remove_all (self->merged_cache);

  if (self->callers_view != NULL)
    gtk_column_view_set_model (self->callers_view, NULL);
  if (self->callees_view != NULL)
    gtk_column_view_set_model (self->callees_view, NULL);
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_clear_object (&self->sorted[t]);
      g_clear_object (&self->stores[t]);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_CALLERS_VIEW);

  g_clear_pointer (&self->graph, hearth_call_graph_unref);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (hearth_callers_view_parent_class)->dispose (object);
}

static void
hearth_callers_view_finalize (GObject *object)
{
  HearthCallersView *self = HEARTH_CALLERS_VIEW (object);

  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_pointer (&self->merged_cache, g_hash_table_unref);

  G_OBJECT_CLASS (hearth_callers_view_parent_class)->finalize (object);
}

static void
hearth_callers_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HearthCallersView *self = HEARTH_CALLERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, hearth_callers_view_get_document (self));
      break;

    case PROP_MERGE_DUPLICATES:
      g_value_set_boolean (value, hearth_callers_view_get_merge_duplicates (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_callers_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HearthCallersView *self = HEARTH_CALLERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_callers_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_MERGE_DUPLICATES:
      hearth_callers_view_set_merge_duplicates (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_callers_view_class_init (HearthCallersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_callers_view_dispose;
  object_class->finalize = hearth_callers_view_finalize;
  object_class->get_property = hearth_callers_view_get_property;
  object_class->set_property = hearth_callers_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HEARTH_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HearthCallersView:merge-duplicates:
   *
   * "Merge Duplicate Names" for profiler.lua captures; also the stateful
   * action `callers.merge-duplicates`.
   */
  properties[PROP_MERGE_DUPLICATES] =
    g_param_spec_boolean ("merge-duplicates", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-callers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, location_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, figures_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, merge_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, callers_title);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, callees_title);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, callers_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, callees_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, callers_view);
  gtk_widget_class_bind_template_child (widget_class, HearthCallersView, callees_view);

  gtk_widget_class_install_property_action (widget_class, "callers.merge-duplicates", "merge-duplicates");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "callers");
}

static void
hearth_callers_view_init (HearthCallersView *self)
{
  self->function = HEARTH_NO_INDEX;
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->merged_cache = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint t = 0; t < N_TABLES; t++)
    {
      GtkColumnView *view = t == TABLE_CALLERS ? self->callers_view : self->callees_view;
      GtkSingleSelection *selection;

      for (guint c = 0; c < N_CELLS; c++)
        hearth_callers_view_add_column (self, t, c);

      /* the list-model constructors take ownership: ref what we keep */
      self->stores[t] = g_list_store_new (HEARTH_TYPE_INDEX_ITEM);
      self->sorted[t] = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->stores[t])),
                                                 g_object_ref (gtk_column_view_get_sorter (view)));
      selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted[t])));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);

      g_signal_connect (view, "activate", G_CALLBACK (hearth_callers_view_activate_cb), self);
      gtk_column_view_sort_by_column (view, self->columns[t][CELL_TIME], GTK_SORT_DESCENDING);
    }

  hearth_callers_view_update_titles (self);
  hearth_callers_view_update_merge_action (self);
}

GtkWidget *
hearth_callers_view_new (void)
{
  return g_object_new (HEARTH_TYPE_CALLERS_VIEW, NULL);
}

/**
 * hearth_callers_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document
 */
HearthDocument *
hearth_callers_view_get_document (HearthCallersView *self)
{
  g_return_val_if_fail (HEARTH_IS_CALLERS_VIEW (self), NULL);

  return self->document;
}

void
hearth_callers_view_set_document (HearthCallersView *self,
                                  HearthDocument    *document)
{
  g_return_if_fail (HEARTH_IS_CALLERS_VIEW (self));
  g_return_if_fail (!document || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (hearth_document_get_captures (self->document), self);
    }

  /* merging belongs to the document it was applied to */
  g_clear_handle_id (&self->reapply_id, g_source_remove);
  g_clear_pointer (&self->originals, g_ptr_array_unref);
  g_hash_table_remove_all (self->merged_cache);
  if (self->merge_duplicates)
    {
      self->merge_duplicates = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGE_DUPLICATES]);
    }

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::profile",
                               G_CALLBACK (hearth_callers_view_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::selected-function",
                               G_CALLBACK (hearth_callers_view_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::unit",
                               G_CALLBACK (hearth_callers_view_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::average",
                               G_CALLBACK (hearth_callers_view_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (hearth_document_get_captures (document), "items-changed",
                               G_CALLBACK (hearth_callers_view_captures_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  hearth_callers_view_rebuild (self);
  hearth_callers_view_update_merge_action (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GtkColumnView *
hearth_callers_view_get_callers_view (HearthCallersView *self)
{
  g_return_val_if_fail (HEARTH_IS_CALLERS_VIEW (self), NULL);

  return self->callers_view;
}

GtkColumnView *
hearth_callers_view_get_callees_view (HearthCallersView *self)
{
  g_return_val_if_fail (HEARTH_IS_CALLERS_VIEW (self), NULL);

  return self->callees_view;
}

/**
 * hearth_callers_view_dup_table:
 * @callers: %TRUE for the Callers table, %FALSE for Callees
 * @separator: ',' for CSV, '\t' for TSV
 *
 * A table as shown (sort order included):
 * `function,source,line,count,time_ms,percent`, times in ms (with the
 * document's average factor), percent of the selected function's total.
 *
 * Returns: (transfer full): the table
 */
char *
hearth_callers_view_dup_table (HearthCallersView *self,
                               gboolean           callers,
                               char               separator)
{
  static const char * const header[] = { "function", "source", "line", "count", "time_ms", "percent" };
  g_autoptr(HearthCsvWriter) writer = NULL;
  TableKind table = callers ? TABLE_CALLERS : TABLE_CALLEES;
  GListModel *model;
  double factor;

  g_return_val_if_fail (HEARTH_IS_CALLERS_VIEW (self), NULL);

  writer = hearth_csv_writer_new (separator);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    hearth_csv_writer_add_field (writer, header[i]);
  hearth_csv_writer_end_row (writer);

  if (self->graph == NULL || self->document == NULL)
    return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));

  factor = hearth_document_get_display_factor (self->document);
  model = G_LIST_MODEL (self->sorted[table]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const HearthCallEdge *edge = item_get_edge (self, item);
      g_autofree char *name = NULL;
      guint function;
      int line;

      if (edge == NULL)
        continue;

      function = edge_get_other (edge, table);
      name = hearth_profile_function_dup_display_name (self->profile, function);
      line = hearth_profile_function_get_line (self->profile, function);
      hearth_csv_writer_add_field (writer, name);
      hearth_csv_writer_add_field (writer, hearth_profile_function_get_source (self->profile, function));
      if (line > 0)
        hearth_csv_writer_add_int (writer, line);
      else
        hearth_csv_writer_add_empty (writer);
      hearth_csv_writer_add_number (writer, edge->count, 0);
      hearth_csv_writer_add_number (writer, edge->time * factor / 1e6, 3);
      hearth_csv_writer_add_number (writer, hearth_callers_view_get_percent (self, edge), 3);
      hearth_csv_writer_end_row (writer);
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}
