Console.WriteLine("toolkit");
