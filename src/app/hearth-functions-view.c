/* hearth-functions-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-functions-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hearth-functions-view.h"

#include "hearth-annotation-text.h"
#include "hearth-csv-writer.h"
#include "hearth-table-export.h"
#include "hearth-function-item.h"
#include "hearth-function-list.h"
#include "hearth-units.h"

#include <math.h>

/* The flat per-function table: HearthFunctionList → GtkFilterListModel (the
 * document's search) → GtkSortListModel (the column view's sorter) →
 * GtkSingleSelection → GtkColumnView. The chain is built once; a new profile
 * or metric only swaps the list at its base. Selecting a row sets the
 * document's selected-function. */

/* Above this many functions, filtering and sorting run incrementally */
#define INCREMENTAL_FUNCTIONS 20000

typedef enum
{
  CELL_NAME,
  CELL_SOURCE,
  CELL_GROUP,
  CELL_LINE,
  CELL_TOTAL,
  CELL_SELF,
  CELL_CALLS,
  CELL_FRAME_MEAN,     /* per-frame statistics: CELL_FRAME_MEAN + i */
  CELL_FRAME_P50,
  CELL_FRAME_P95,
  CELL_FRAME_MAX,
} CellKind;

#define N_FRAME_COLUMNS 4

struct _HearthFunctionsView
{
  GtkWidget            parent_instance;

  HearthDocument      *document;

  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GHashTable          *bound_items;   /* GtkListItem set: cells to re-render */

  /* template children */
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *source_column;
  GtkColumnViewColumn *group_column;
  GtkColumnViewColumn *line_column;
  GtkColumnViewColumn *total_column;
  GtkColumnViewColumn *self_column;
  GtkColumnViewColumn *calls_column;
  GtkColumnViewColumn *frame_columns[N_FRAME_COLUMNS];
  GtkSorter           *frame_sorters[N_FRAME_COLUMNS];

  guint                syncing_selection : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthFunctionsView, hearth_functions_view, GTK_TYPE_WIDGET)

static gboolean
hearth_functions_view_filter_func (gpointer item,
                                   gpointer user_data)
{
  HearthFunctionsView *self = user_data;

  if (self->document == NULL)
    return TRUE;

  return hearth_document_function_matches (self->document,
                                           hearth_function_item_get_function (HEARTH_FUNCTION_ITEM (item)));
}

/* Per-frame statistics (captures with frames): mean, p50, p95, max ms */

static double
frame_stat_of (HearthFunctionsView *self,
               HearthFunctionItem  *item,
               guint                which)
{
  HearthFrameStats *stats = self->document ? hearth_document_get_frame_stats (self->document) : NULL;
  HearthFrameStat st;

  if (stats == NULL || item == NULL)
    return NAN;
  hearth_frame_stats_get (stats, hearth_function_item_get_function (item), &st);
  switch (which)
    {
    case 0:
      return st.mean_ms;
    case 1:
      return st.p50_ms;
    case 2:
      return st.p95_ms;
    default:
      return st.max_ms;
    }
}

static int
frame_stat_compare (HearthFunctionsView *self,
                    gconstpointer        a,
                    gconstpointer        b,
                    guint                which)
{
  double x = frame_stat_of (self, HEARTH_FUNCTION_ITEM ((gpointer) a), which);
  double y = frame_stat_of (self, HEARTH_FUNCTION_ITEM ((gpointer) b), which);

  if (isnan (x))
    x = -1;
  if (isnan (y))
    y = -1;
  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

#define FRAME_STAT_COMPARE(name, which) \
  static int \
  name (gconstpointer a, gconstpointer b, gpointer user_data) \
  { \
    return frame_stat_compare (user_data, a, b, which); \
  }
FRAME_STAT_COMPARE (frame_mean_compare, 0)
FRAME_STAT_COMPARE (frame_p50_compare, 1)
FRAME_STAT_COMPARE (frame_p95_compare, 2)
FRAME_STAT_COMPARE (frame_max_compare, 3)
#undef FRAME_STAT_COMPARE

static void hearth_functions_view_rerender    (HearthFunctionsView *self);
static void hearth_functions_view_set_factory (HearthFunctionsView *self,
                                               GtkColumnViewColumn *column,
                                               CellKind             kind);

/* The four columns show only for captures with frames */
static void
hearth_functions_view_frame_stats_cb (HearthFunctionsView *self)
{
  gboolean visible = self->document != NULL && hearth_document_get_frame_stats (self->document) != NULL;

  for (guint i = 0; i < N_FRAME_COLUMNS; i++)
    {
      gtk_column_view_column_set_fixed_width (self->frame_columns[i], visible ? 100 : -1);
      gtk_column_view_column_set_visible (self->frame_columns[i], visible);
      gtk_sorter_changed (self->frame_sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
    }
  hearth_functions_view_rerender (self);
}

static void
hearth_functions_view_add_frame_columns (HearthFunctionsView *self)
{
  static const GCompareDataFunc compare[N_FRAME_COLUMNS] = {
    frame_mean_compare, frame_p50_compare, frame_p95_compare, frame_max_compare,
  };
  const char *titles[N_FRAME_COLUMNS] = {
    /* Translators: column titles: a function's time per frame */
    _("Mean/Frame"), _("p50/Frame"), _("p95/Frame"), _("Max/Frame"),
  };

  for (guint i = 0; i < N_FRAME_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = gtk_column_view_column_new (titles[i], NULL);

      hearth_functions_view_set_factory (self, column, CELL_FRAME_MEAN + i);
      self->frame_sorters[i] = GTK_SORTER (gtk_custom_sorter_new (compare[i], self, NULL));
      gtk_column_view_column_set_sorter (column, self->frame_sorters[i]);
      g_object_unref (self->frame_sorters[i]);          /* the column holds it */
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_visible (column, FALSE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);                          /* the column view holds it */
      self->frame_columns[i] = column;
    }
}

/* Cells */

static char *
hearth_functions_view_dup_tooltip (HearthFunctionsView *self,
                                   HearthFunctionItem  *item)
{
  HearthProfile *profile = hearth_function_item_get_profile (item);
  guint function = hearth_function_item_get_function (item);
  g_autofree char *name = hearth_function_item_dup_name (item);
  g_autofree char *location = hearth_profile_function_dup_location (profile, function);
  g_autofree char *total = hearth_document_format_value (self->document, hearth_function_item_get_total (item));
  g_autofree char *self_value = hearth_document_format_value (self->document, hearth_function_item_get_self (item));
  GString *str = g_string_new (name);

  if (location != NULL && !g_str_equal (location, name))
    g_string_append_printf (str, "\n%s", location);
  g_string_append_c (str, '\n');
  g_string_append_printf (str, _("Total: %s"), total);
  g_string_append_c (str, '\n');
  g_string_append_printf (str, _("Self: %s"), self_value);

  /* MicroProfiler labels and counters, summed over the function's nodes */
  if (hearth_profile_has_annotations (profile))
    {
      gboolean partial = hearth_annotation_text_is_partial (profile,
                                                            hearth_document_get_display_factor (self->document));
      g_autofree char *annotations = hearth_annotation_text_dup_function (profile, function, partial);

      if (annotations != NULL)
        g_string_append_printf (str, "\n%s", annotations);
    }

  return g_string_free (str, FALSE);
}

static void
hearth_functions_view_render_cell (HearthFunctionsView *self,
                                   GtkListItem         *list_item)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "hearth-cell-kind"));
  HearthFunctionItem *item = gtk_list_item_get_item (list_item);
  GtkInscription *label = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  if (item == NULL || label == NULL || self->document == NULL)
    return;

  switch (kind)
    {
    case CELL_NAME:
      {
        g_autofree char *tooltip = hearth_functions_view_dup_tooltip (self, item);

        text = hearth_function_item_dup_name (item);
        gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
      }
      break;

    case CELL_SOURCE:
      text = g_strdup (hearth_function_item_get_source (item));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
      break;

    case CELL_GROUP:
      text = g_strdup (hearth_function_item_get_group (item));
      break;

    case CELL_LINE:
      if (hearth_function_item_get_line (item) > 0)
        text = g_strdup_printf ("%d", hearth_function_item_get_line (item));
      break;

    case CELL_TOTAL:
      text = hearth_document_format_value (self->document, hearth_function_item_get_total (item));
      break;

    case CELL_SELF:
      text = hearth_document_format_value (self->document, hearth_function_item_get_self (item));
      break;

    case CELL_CALLS:
      text = hearth_format_value (HEARTH_METRIC_CALLS,
                                  hearth_function_item_get_calls (item) *
                                  hearth_document_get_display_factor (self->document),
                                  HEARTH_UNIT_MS, 0);
      break;

    case CELL_FRAME_MEAN:
    case CELL_FRAME_P50:
    case CELL_FRAME_P95:
    case CELL_FRAME_MAX:
      {
        double v = frame_stat_of (self, item, kind - CELL_FRAME_MEAN);

        if (isfinite (v))
          text = g_strdup_printf ("%.2f ms", v);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (label, text);
}

static void
hearth_functions_view_rerender (HearthFunctionsView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    hearth_functions_view_render_cell (self, GTK_LIST_ITEM (key));
}

static void
hearth_functions_view_setup_cb (GtkSignalListItemFactory *factory,
                                GObject                  *object,
                                HearthFunctionsView      *self)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "hearth-cell-kind"));
  GtkWidget *label = gtk_inscription_new (NULL);
  GtkInscription *inscription = GTK_INSCRIPTION (label);

  g_object_set_data (object, "hearth-cell-kind", GINT_TO_POINTER (kind));

  switch (kind)
    {
    case CELL_NAME:
      gtk_inscription_set_text_overflow (inscription, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_min_chars (inscription, 10);
      gtk_inscription_set_nat_chars (inscription, 40);
      break;

    case CELL_SOURCE:
      gtk_inscription_set_text_overflow (inscription, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_START);
      gtk_inscription_set_min_chars (inscription, 6);
      gtk_inscription_set_nat_chars (inscription, 24);
      gtk_widget_add_css_class (label, "dim-label");
      break;

    case CELL_GROUP:
      gtk_inscription_set_text_overflow (inscription, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_min_chars (inscription, 6);
      gtk_inscription_set_nat_chars (inscription, 14);
      gtk_widget_add_css_class (label, "dim-label");
      break;

    case CELL_LINE:
      gtk_inscription_set_xalign (inscription, 1.0);
      gtk_inscription_set_min_chars (inscription, 4);
      gtk_inscription_set_nat_chars (inscription, 6);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      break;

    case CELL_TOTAL:
    case CELL_SELF:
    case CELL_CALLS:
    case CELL_FRAME_MEAN:
    case CELL_FRAME_P50:
    case CELL_FRAME_P95:
    case CELL_FRAME_MAX:
      gtk_inscription_set_xalign (inscription, 1.0);
      gtk_inscription_set_min_chars (inscription, 8);
      gtk_inscription_set_nat_chars (inscription, 12);
      gtk_widget_add_css_class (label, "numeric");
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_list_item_set_child (GTK_LIST_ITEM (object), label);
}

static void
hearth_functions_view_bind_cb (GtkSignalListItemFactory *factory,
                               GObject                  *object,
                               HearthFunctionsView      *self)
{
  g_hash_table_add (self->bound_items, object);
  hearth_functions_view_render_cell (self, GTK_LIST_ITEM (object));
}

static void
hearth_functions_view_unbind_cb (GtkSignalListItemFactory *factory,
                                 GObject                  *object,
                                 HearthFunctionsView      *self)
{
  g_hash_table_remove (self->bound_items, object);
}

static void
hearth_functions_view_set_factory (HearthFunctionsView *self,
                                   GtkColumnViewColumn *column,
                                   CellKind             kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "hearth-cell-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (hearth_functions_view_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (hearth_functions_view_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (hearth_functions_view_unbind_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (hearth_functions_view_unbind_cb), self, 0);
  gtk_column_view_column_set_factory (column, factory);
}

/* Model */

/* GTK 4.8 keeps reserving the fixed width of a hidden column: only give
 * the Calls column a width while it is shown */
static void
set_column_visible (GtkColumnViewColumn *column,
                    gboolean             visible,
                    int                  width)
{
  gtk_column_view_column_set_fixed_width (column, visible ? width : -1);
  gtk_column_view_column_set_visible (column, visible);
}


/* Which optional text columns the capture fills: MicroProfiler timers have
 * groups but no source, script captures the other way round */
static void
profile_scan_columns (HearthProfile *profile,
                      gboolean      *has_groups,
                      gboolean      *has_sources)
{
  *has_groups = *has_sources = FALSE;
  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    {
      if (hearth_profile_function_is_root_label (profile, f))
        continue;
      *has_groups |= hearth_profile_function_get_group (profile, f) != NULL;
      *has_sources |= hearth_profile_function_get_source (profile, f) != NULL;
      if (*has_groups && *has_sources)
        break;
    }
}

static void
hearth_functions_view_update_page (HearthFunctionsView *self)
{
  GListModel *base = gtk_filter_list_model_get_model (self->filter_model);
  const char *page = "table";

  if (base != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    {
      if (g_list_model_get_n_items (base) == 0)
        page = "empty";
      else if (gtk_filter_list_model_get_pending (self->filter_model) == 0)
        page = "no-matches";
    }

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
hearth_functions_view_select_function (HearthFunctionsView *self,
                                       guint                function)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;
  HearthFunctionItem *selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected != NULL && hearth_function_item_get_function (selected) == function)
    return;

  if (function != HEARTH_NO_INDEX)
    {
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HearthFunctionItem) item = g_list_model_get_item (model, i);

          if (hearth_function_item_get_function (item) == function)
            {
              position = i;
              break;
            }
        }
    }

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing_selection = FALSE;
}

static void
hearth_functions_view_selection_changed_cb (HearthFunctionsView *self)
{
  HearthFunctionItem *item;

  if (self->syncing_selection || self->document == NULL)
    return;

  item = gtk_single_selection_get_selected_item (self->selection);
  hearth_document_set_selected_function (self->document,
                                         item ? hearth_function_item_get_function (item) : HEARTH_NO_INDEX);
}

static void
hearth_functions_view_document_selected_cb (HearthFunctionsView *self)
{
  hearth_functions_view_select_function (self, hearth_document_get_selected_function (self->document));
}

static void
hearth_functions_view_rebuild (HearthFunctionsView *self)
{
  HearthProfile *profile = self->document ? hearth_document_get_profile (self->document) : NULL;
  g_autoptr(HearthFunctionList) list = NULL;
  gboolean incremental = FALSE;
  gboolean has_groups, has_sources;

  if (profile != NULL)
    {
      list = hearth_function_list_new (profile, hearth_document_get_metric (self->document));
      incremental = g_list_model_get_n_items (G_LIST_MODEL (list)) > INCREMENTAL_FUNCTIONS;
      set_column_visible (self->calls_column, hearth_profile_has_metric (profile, HEARTH_METRIC_CALLS), 90);
      profile_scan_columns (profile, &has_groups, &has_sources);
      gtk_column_view_column_set_visible (self->group_column, has_groups);
      /* no source: give the room to the numbers */
      set_column_visible (self->source_column, has_sources, 220);
      set_column_visible (self->line_column, has_sources, 70);
    }

  gtk_filter_list_model_set_incremental (self->filter_model, incremental);
  gtk_sort_list_model_set_incremental (self->sort_model, incremental);

  /* the selection follows the document, not the old list */
  self->syncing_selection = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (list));
  self->syncing_selection = FALSE;

  if (self->document != NULL)
    hearth_functions_view_document_selected_cb (self);

  hearth_functions_view_update_page (self);
}

static void
hearth_functions_view_search_changed_cb (HearthFunctionsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  hearth_functions_view_update_page (self);
}

/* GObject */

static void
hearth_functions_view_dispose (GObject *object)
{
  HearthFunctionsView *self = HEARTH_FUNCTIONS_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_FUNCTIONS_VIEW);

  G_OBJECT_CLASS (hearth_functions_view_parent_class)->dispose (object);
}

static void
hearth_functions_view_finalize (GObject *object)
{
  HearthFunctionsView *self = HEARTH_FUNCTIONS_VIEW (object);

  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (hearth_functions_view_parent_class)->finalize (object);
}

static void
hearth_functions_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HearthFunctionsView *self = HEARTH_FUNCTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, hearth_functions_view_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_functions_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HearthFunctionsView *self = HEARTH_FUNCTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_functions_view_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_functions_view_class_init (HearthFunctionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_functions_view_dispose;
  object_class->finalize = hearth_functions_view_finalize;
  object_class->get_property = hearth_functions_view_get_property;
  object_class->set_property = hearth_functions_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HEARTH_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HEARTH_TYPE_FUNCTION_ITEM);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-functions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, source_column);
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, group_column);
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, line_column);
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, total_column);
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, self_column);
  gtk_widget_class_bind_template_child (widget_class, HearthFunctionsView, calls_column);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "functions");
}

static void
hearth_functions_view_init (HearthFunctionsView *self)
{
  GtkMultiSorter *sorter;

  self->bound_items = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  hearth_functions_view_set_factory (self, self->name_column, CELL_NAME);
  hearth_functions_view_set_factory (self, self->source_column, CELL_SOURCE);
  hearth_functions_view_set_factory (self, self->group_column, CELL_GROUP);
  hearth_functions_view_set_factory (self, self->line_column, CELL_LINE);
  hearth_functions_view_set_factory (self, self->total_column, CELL_TOTAL);
  hearth_functions_view_set_factory (self, self->self_column, CELL_SELF);
  hearth_functions_view_set_factory (self, self->calls_column, CELL_CALLS);

  /* the list-model constructors take ownership: ref what we keep */
  self->filter = gtk_custom_filter_new (hearth_functions_view_filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  /* the column view's sorter, then the name, so that equal totals keep the
   * order hearth-cli writes */
  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_multi_sorter_append (sorter,
                           GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (HEARTH_TYPE_FUNCTION_ITEM,
                                                                                           NULL, "name"))));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              GTK_SORTER (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (hearth_functions_view_selection_changed_cb), self);
  g_signal_connect_swapped (self->sort_model, "items-changed",
                            G_CALLBACK (hearth_functions_view_update_page), self);
  g_signal_connect_swapped (self->filter_model, "notify::pending",
                            G_CALLBACK (hearth_functions_view_update_page), self);

  hearth_functions_view_add_frame_columns (self);

  gtk_column_view_sort_by_column (self->column_view, self->total_column, GTK_SORT_DESCENDING);
}

GtkWidget *
hearth_functions_view_new (void)
{
  return g_object_new (HEARTH_TYPE_FUNCTIONS_VIEW, NULL);
}

/**
 * hearth_functions_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document
 */
HearthDocument *
hearth_functions_view_get_document (HearthFunctionsView *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTIONS_VIEW (self), NULL);

  return self->document;
}

void
hearth_functions_view_set_document (HearthFunctionsView *self,
                                    HearthDocument      *document)
{
  g_return_if_fail (HEARTH_IS_FUNCTIONS_VIEW (self));
  g_return_if_fail (!document || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::profile",
                               G_CALLBACK (hearth_functions_view_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::metric",
                               G_CALLBACK (hearth_functions_view_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::search-text",
                               G_CALLBACK (hearth_functions_view_search_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::selected-function",
                               G_CALLBACK (hearth_functions_view_document_selected_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::unit",
                               G_CALLBACK (hearth_functions_view_rerender),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::average",
                               G_CALLBACK (hearth_functions_view_rerender),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::frame-stats",
                               G_CALLBACK (hearth_functions_view_frame_stats_cb),
                               self, G_CONNECT_SWAPPED);
    }
  hearth_functions_view_frame_stats_cb (self);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  hearth_functions_view_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * hearth_functions_view_get_column_view:
 *
 * Returns: (transfer none): the table
 */
GtkColumnView *
hearth_functions_view_get_column_view (HearthFunctionsView *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTIONS_VIEW (self), NULL);

  return self->column_view;
}

/**
 * hearth_functions_view_dup_table:
 * @separator: ',' for CSV, '\t' for TSV
 *
 * The table as shown (current filter and sort order), in the
 * `hearth-cli functions` layout: `name,source,line,total_ms,self_ms,calls`
 * (plus the memory columns when the capture has them), CPU time in ms with
 * at least three decimals, multiplied by the document's average factor.
 *
 * Returns: (transfer full): the table
 */
char *
hearth_functions_view_dup_table (HearthFunctionsView *self,
                                 char                 separator)
{
  g_autoptr(HearthCsvWriter) writer = NULL;
  HearthProfile *profile;
  double factor;
  guint n;

  g_return_val_if_fail (HEARTH_IS_FUNCTIONS_VIEW (self), NULL);

  profile = self->document ? hearth_document_get_profile (self->document) : NULL;
  writer = hearth_csv_writer_new (separator);
  if (profile == NULL)
    {
      static const char * const columns[] = { "name", "source", "line", "total_ms", "self_ms", "calls" };

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        hearth_csv_writer_add_field (writer, columns[i]);
      hearth_csv_writer_end_row (writer);
      return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
    }

  /* Same columns as `hearth-cli functions`, rows in the view's order */
  hearth_table_write_functions_header (writer, profile);
  factor = hearth_document_get_display_factor (self->document);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthFunctionItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      /* items of a profile that has just been replaced */
      if (hearth_function_item_get_profile (item) != profile)
        continue;

      hearth_table_write_function_row (writer, profile, hearth_function_item_get_function (item), factor);
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}

/**
 * hearth_functions_view_get_table_name:
 *
 * Returns: "functions", the base of exported file names
 */
const char *
hearth_functions_view_get_table_name (HearthFunctionsView *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTIONS_VIEW (self), NULL);

  return "functions";
}
