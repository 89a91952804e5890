/* main.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hearth-application.h"
#include "hearth-resources.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HearthApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  hearth_register_resource ();

  g_set_application_name (_("Hearth"));
  gtk_window_set_default_icon_name (APP_ID);

  app = hearth_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
