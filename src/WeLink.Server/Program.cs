using WeLink.Server.Hosting;

return await WeLinkApp.RunAsync(args);
